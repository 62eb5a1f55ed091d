// The knowledge base's IndexedDB schema, one entry per version. Never edit a released version: add a new one
// with its upgrade. The migration test opens a database at every earlier version, fills it, and upgrades it.
import type { Transaction } from 'dexie';
import { normaliseItemUrl } from '../scanner/dedupe-items';
import { decisionId, withoutTracking } from '../core/decisions';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      sources: 'id, kind',
      entities: 'id, sourceId, *countries, *identifierKeys',
      flags: 'id, sourceId, entityId, type, country, product',
      riskCategories: 'id, sourceId',
      cpv: 'code8, sourceId',
      facilities: 'id, sourceId, osId, entityId, country',
      alerts: 'id, sourceId, published, *entityIds',
      decisions: 'id, entityId, [scope+scopeKey]',
      meta: 'key',
    },
  },
  {
    // Feed subscriptions: alerts are found by their link (the same page under another id or in another feed)
    // and listed newest first by when the scanner first saw them.
    version: 2,
    stores: {
      alerts: 'id, sourceId, published, *entityIds, urlKey, firstSeenAt',
    },
    upgrade: async (tx) => {
      const upgradedAt = new Date().toISOString();
      await tx
        .table('alerts')
        .toCollection()
        .modify((alert: Record<string, unknown>) => {
          const url = typeof alert.url === 'string' ? alert.url : '';
          alert.urlKey ??= url ? normaliseItemUrl(url) : '';
          alert.firstSeenAt ??= typeof alert.published === 'string' ? alert.published : upgradedAt;
          // An alert stored without the matcher's evidence cannot claim more than a possible match.
          alert.confidence ??= 'review';
          alert.mentions ??= [];
        });
    },
  },
  {
    // Decisions say who took them, and a page decision's key is the address without its fragment and tracking
    // parameters (so "?utm_source=…" no longer brings a dismissed flag back). Imported lists say what being on
    // them means, read from the flags they were imported with (none: a watch list).
    version: 3,
    stores: {},
    upgrade: async (tx) => {
      const decisions = tx.table('decisions');
      const rows = (await decisions.toArray()) as Array<Record<string, unknown>>;
      await decisions.clear();
      for (const row of rows) {
        const scope = row.scope as 'page' | 'site' | 'everywhere';
        const scopeKey = scope === 'page' && typeof row.scopeKey === 'string' ? withoutTracking(row.scopeKey) : String(row.scopeKey ?? '');
        const entityId = String(row.entityId ?? '');
        const matchedText = String(row.matchedText ?? '');
        await decisions.put({ ...row, scopeKey, decidedBy: 'you', id: decisionId({ scope, scopeKey, entityId, matchedText }) });
      }
      const sources = tx.table('sources');
      for (const source of (await sources.toArray()) as Array<Record<string, unknown>>) {
        if (source.kind !== 'entity-list' || source.meaning !== undefined) continue;
        const flag = (await tx.table('flags').where('sourceId').equals(source.id as string).first()) as { type?: string } | undefined;
        await sources.put({ ...source, meaning: flag?.type ?? 'watch' });
      }
    },
  },
  {
    // Factory disclosures: every version of every contractor's disclosure (and imported facility lists), the
    // differences between a contractor's versions, the user's decisions on facility links, and the user's column
    // mappings per file layout. New tables only: nothing earlier changes.
    version: 4,
    stores: {
      disclosures: 'id, supplierKey, kind, importedAt',
      disclosureDiffs: 'id, supplierKey',
      facilityLinkDecisions: 'id, facilityRef, knownId',
      columnMappings: 'layoutKey',
    },
  },
  {
    // Watchlists: named lists of followed suppliers (one per contract, say), with how each notifies; and the record
    // of every notification given, so a supplier is notified at most once per refresh and digests know what is due.
    version: 5,
    stores: {
      watchlists: 'id, name',
      follows: 'id, watchlistId, entityId',
      notifications: 'id, entityId, watchlistId, at',
    },
    upgrade: async (tx) => {
      // Every user starts with one watchlist to follow suppliers into.
      if ((await tx.table('watchlists').count()) === 0) {
        await tx.table('watchlists').put({ id: 'watchlist-default', name: 'My suppliers', notify: 'immediately', createdAt: new Date().toISOString() });
      }
    },
  },
  {
    // Triage: the user's marks on alerts (read, important, archived) live on each alert; the links the user marked
    // "not relevant" move to the alert's links set aside (indexed, so a supplier's profile still shows them as the
    // user's decision), and each such decision is kept by the item's link and the entity, for every later read.
    version: 6,
    stores: {
      alerts: 'id, sourceId, published, *entityIds, urlKey, firstSeenAt, *notRelevantEntityIds',
      notRelevantDecisions: 'id, linkKey, entityId, decidedAt',
    },
    upgrade: async (tx) => {
      await tx
        .table('alerts')
        .toCollection()
        .modify((alert: Record<string, unknown>) => {
          alert.notRelevantEntityIds ??= [];
        });
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
