// The knowledge base's IndexedDB schema, one entry per version. Never edit a released version: add a new one
// with its upgrade. The migration test opens a database at every earlier version, fills it, and upgrades it.
import type { Transaction } from 'dexie';
import { normaliseItemUrl } from '../scanner/dedupe-items';

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
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
