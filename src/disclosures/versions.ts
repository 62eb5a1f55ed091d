// A contractor's disclosures over time: a new import of the same contractor is its next version, and the
// differences from the version before are worked out and kept with it — facilities added, removed, moved (same
// facility, other address or country) and products changed. Pure.
import { normaliseAddress } from './normalise-facility';
import type { DisclosedFacility, Disclosure } from './types';
import type { ReportWords } from './report-words';

export interface FacilityChange {
  kind: 'added' | 'removed' | 'moved' | 'products-changed';
  facilityKey: string;
  name: string;
  /** For moved: the earlier address and country. */
  from?: { address: string; country: string };
  to?: { address: string; country: string };
  productsAdded?: string[];
  productsRemoved?: string[];
}

export interface DisclosureDiff {
  supplierKey: string;
  fromVersion: number;
  toVersion: number;
  changes: FacilityChange[];
}

/** Where the same facility is found in another version: by OS ID, then by its key (normalised name and country). */
function counterpart(facility: DisclosedFacility, others: readonly DisclosedFacility[]): DisclosedFacility | undefined {
  return (facility.osId ? others.find((o) => o.osId === facility.osId) : undefined)
    ?? others.find((o) => o.key === facility.key)
    ?? others.find((o) => o.key.split('@')[0] === facility.key.split('@')[0] && !o.osId && !facility.osId);
}

const fold = (p: string) => p.toLowerCase().replace(/\s+/g, ' ').trim();

export function diffDisclosures(before: Disclosure, after: Disclosure): DisclosureDiff {
  const changes: FacilityChange[] = [];
  const matched = new Set<DisclosedFacility>();
  for (const now of after.facilities) {
    const then = counterpart(now, before.facilities.filter((f) => !matched.has(f)));
    if (!then) {
      changes.push({ kind: 'added', facilityKey: now.key, name: now.name, to: { address: now.address, country: now.country } });
      continue;
    }
    matched.add(then);
    if (then.country !== now.country || normaliseAddress(then.address, then.country) !== normaliseAddress(now.address, now.country)) {
      changes.push({ kind: 'moved', facilityKey: now.key, name: now.name, from: { address: then.address, country: then.country }, to: { address: now.address, country: now.country } });
    }
    const thenProducts = new Set(then.products.map(fold));
    const nowProducts = new Set(now.products.map(fold));
    const productsAdded = now.products.filter((p) => !thenProducts.has(fold(p)));
    const productsRemoved = then.products.filter((p) => !nowProducts.has(fold(p)));
    if (productsAdded.length > 0 || productsRemoved.length > 0) {
      changes.push({ kind: 'products-changed', facilityKey: now.key, name: now.name, productsAdded, productsRemoved });
    }
  }
  for (const then of before.facilities) {
    if (!matched.has(then)) changes.push({ kind: 'removed', facilityKey: then.key, name: then.name, from: { address: then.address, country: then.country } });
  }
  return { supplierKey: after.supplierKey, fromVersion: before.version, toVersion: after.version, changes };
}

/**
 * Gives a freshly parsed disclosure its version number among the contractor's earlier ones, and the differences
 * from the latest of them (undefined for a first version).
 */
export function nextVersion(draft: Disclosure, earlier: readonly Disclosure[]): { disclosure: Disclosure; diff?: DisclosureDiff } {
  const own = earlier.filter((d) => d.supplierKey === draft.supplierKey).sort((a, b) => a.version - b.version);
  const latest = own[own.length - 1];
  const version = (latest?.version ?? 0) + 1;
  const disclosure: Disclosure = { ...draft, version, id: `${draft.supplierKey}#${version}` };
  return latest ? { disclosure, diff: diffDisclosures(latest, disclosure) } : { disclosure };
}

/** One change in the words given ("added: …", "hinzugefügt: …"). */
export function describeChange(change: FacilityChange, w: ReportWords): string {
  const at = (p?: { address: string; country: string }) => (p ? `${p.address} (${w.country(p.country)})` : '');
  switch (change.kind) {
    case 'added':
      return w.t('repChangeAdded', [change.name, at(change.to)]);
    case 'removed':
      return w.t('repChangeRemoved', [change.name, at(change.from)]);
    case 'moved':
      return w.t('repChangeMoved', [change.name, at(change.from), at(change.to)]);
    case 'products-changed': {
      const parts = [
        ...(change.productsAdded!.length ? [w.t('repChangeProductsAdded', [change.productsAdded!.join(', ')])] : []),
        ...(change.productsRemoved!.length ? [w.t('repChangeProductsRemoved', [change.productsRemoved!.join(', ')])] : []),
      ];
      return w.t('repChangeProducts', [change.name, parts.join(', ')]);
    }
  }
}
