// The knowledge base's IndexedDB schema, one entry per version. Never edit a released version: add a new one
// with its upgrade. The migration test opens a database at every earlier version, fills it, and upgrades it.
import type { Transaction } from 'dexie';

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
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
