// Chooses the reader for a page — by its address, or for a saved copy opened locally by its declared address or
// its look — and reads the notice, falling back to the generic reader's CPV codes when a portal page shows none.
// A reader that is switched off (see switch-off-list.ts) is passed over: its pages are read by the generic reader.
import type { NoticeReading } from '../core/types';
import type { PortalAdapter } from './portal-adapter';
import { belgiumEprocurementAdapter } from './belgium-eprocurement';
import { contractsFinderAdapter } from './contracts-finder';
import { findATenderAdapter } from './find-a-tender';
import { genericAdapter, readGenericPageInSlices, readPageCpvCodes, readPageCpvCodesInSlices } from './generic';
import type { YieldToPage } from './page-dom';
import { mercadoPublicoAdapter } from './mercado-publico';
import { samGovAdapter } from './sam-gov';
import { secopAdapter } from './secop';
import { tedAdapter } from './ted';

export type { PortalAdapter } from './portal-adapter';

/** The portal-specific readers, tried in order; anything else is read by `genericAdapter`. */
export const PORTAL_ADAPTERS: readonly PortalAdapter[] = [
  findATenderAdapter, contractsFinderAdapter, tedAdapter, samGovAdapter, secopAdapter,
  belgiumEprocurementAdapter, mercadoPublicoAdapter,
];

/** Names of the portals whose data is read without a page reader of their own (OCDS files). */
const DATA_PORTAL_NAMES: Record<string, string> = {
  ocds: 'OCDS data',
  'colombia-compra': 'Colombia Compra Eficiente (SECOP, Tienda Virtual)',
  'mercado-publico': 'Mercado Público',
};

function parseUrl(text: string | null | undefined): URL | undefined {
  if (!text) return undefined;
  try {
    return new URL(text.trim());
  } catch {
    return undefined;
  }
}

/** Addresses of copies on this machine (a file, the demo or test server), where the page's own look decides. */
function isLocalCopy(url: URL | undefined): boolean {
  if (!url) return true;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return true;
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The address a page declares for itself (canonical link or Open Graph URL), if any. */
function declaredUrl(doc: Document): URL | undefined {
  return (
    parseUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    parseUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'))
  );
}

/** The human name of a reading's portal ("find-a-tender" → "Find a Tender"); the id itself when unknown. */
export function portalName(portalId: string): string {
  return [...PORTAL_ADAPTERS, genericAdapter].find((adapter) => adapter.id === portalId)?.name ?? DATA_PORTAL_NAMES[portalId] ?? portalId;
}

/** The reader for a page at `url`: a portal's own when the address (or a local copy's look) says so, else generic. */
export function pickAdapter(url: string, doc: Document, switchedOff: ReadonlySet<string> = new Set()): PortalAdapter {
  const adapters = PORTAL_ADAPTERS.filter((adapter) => !switchedOff.has(adapter.id));
  const parsed = parseUrl(url);
  if (parsed) {
    const byAddress = adapters.find((adapter) => adapter.matchesUrl(parsed));
    if (byAddress) return byAddress;
  }
  if (isLocalCopy(parsed)) {
    const declared = declaredUrl(doc);
    const byDeclaredAddress = declared && adapters.find((adapter) => adapter.matchesUrl(declared));
    if (byDeclaredAddress) return byDeclaredAddress;
    const byLook = adapters.find((adapter) => adapter.recognisesPage(doc));
    if (byLook) return byLook;
  }
  return genericAdapter;
}

/** Reads the notice on a page. A portal page whose CPV list was not found gets the codes its text shows. */
export function readNotice(doc: Document, url: string, switchedOff?: ReadonlySet<string>): NoticeReading {
  const adapter = pickAdapter(url, doc, switchedOff);
  const reading = adapter.read(doc);
  if (adapter !== genericAdapter && reading.cpv.length === 0) reading.cpv = readPageCpvCodes(doc);
  return reading;
}

/**
 * The same reading as `readNotice` by the reader `adapter` (as `pickAdapter` chose it), with the page-wide search
 * for CPV codes in its text done in slices, `yieldToPage` in between: on a huge page no task holds the page's main
 * thread for long. A portal reader's own reading looks at its labelled sections only and stays in one task.
 */
export async function readNoticeInSlices(doc: Document, adapter: PortalAdapter, yieldToPage: YieldToPage): Promise<NoticeReading> {
  if (adapter === genericAdapter) return readGenericPageInSlices(doc, yieldToPage);
  const reading = adapter.read(doc);
  if (reading.cpv.length === 0) {
    await yieldToPage();
    reading.cpv = await readPageCpvCodesInSlices(doc, yieldToPage);
  }
  return reading;
}
