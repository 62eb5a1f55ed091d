// The knowledge base: a Dexie database in the extension's origin (background and extension pages only;
// a content script would open the web page's IndexedDB instead).
import Dexie, { type EntityTable } from 'dexie';
import type { CpvEntry, Decision, Entity, Facility, Flag, RiskCategory, Source } from '../core/types';
import type { LinkedAlert } from '../scanner/link-items';
import type { DisclosureRow, DisclosureDiffRow } from './disclosures';
import type { FacilityLinkDecision } from '../disclosures/match-facilities';
import type { SavedColumnMapping } from '../disclosures/columns';
import { SCHEMA_VERSIONS } from './schema';
import type { FollowRow, NotificationRow, WatchlistRow } from '../watchlists/watchlist-types';
import type { AlertTriage, NotRelevantDecision } from '../watchlists/alert-triage';

export type EntityRow = Entity & { identifierKeys: string[] };
export type CpvRow = CpvEntry & { sourceId: string };
export type RiskCategoryRow = RiskCategory & { sourceId: string };
/**
 * A stored alert: the linked feed item, the key its link shares with other links to the same page, when it was first
 * seen, and the user's marks on it.
 */
export type AlertRow = LinkedAlert & { urlKey: string; firstSeenAt: string; triage?: AlertTriage };
export interface MetaRow {
  key: string;
  value: unknown;
}

export type KnowledgeDb = Dexie & {
  sources: EntityTable<Source, 'id'>;
  entities: EntityTable<EntityRow, 'id'>;
  flags: EntityTable<Flag, 'id'>;
  riskCategories: EntityTable<RiskCategoryRow, 'id'>;
  cpv: EntityTable<CpvRow, 'code8'>;
  facilities: EntityTable<Facility, 'id'>;
  alerts: EntityTable<AlertRow, 'id'>;
  decisions: EntityTable<Decision, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  disclosures: EntityTable<DisclosureRow, 'id'>;
  disclosureDiffs: EntityTable<DisclosureDiffRow, 'id'>;
  facilityLinkDecisions: EntityTable<FacilityLinkDecision, 'id'>;
  columnMappings: EntityTable<SavedColumnMapping, 'layoutKey'>;
  watchlists: EntityTable<WatchlistRow, 'id'>;
  follows: EntityTable<FollowRow, 'id'>;
  notifications: EntityTable<NotificationRow, 'id'>;
  notRelevantDecisions: EntityTable<NotRelevantDecision, 'id'>;
};

export const DATABASE_NAME = 'tenderlens';

export function openKnowledgeDb(name = DATABASE_NAME): KnowledgeDb {
  const db = new Dexie(name) as KnowledgeDb;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const v = db.version(version).stores(stores);
    if (upgrade) v.upgrade(upgrade);
  }
  return db;
}

/** The multi-entry index key of an identifier: "lei:5493001KJTIIGC8Y1R12". */
export function identifierKey(scheme: string, value: string): string {
  return `${scheme}:${value.toUpperCase().replace(/[\s.-]/g, '')}`;
}

export function toEntityRow(entity: Entity): EntityRow {
  return { ...entity, identifierKeys: entity.identifiers.map((i) => identifierKey(i.scheme, i.value)) };
}

export function fromEntityRow({ identifierKeys: _keys, ...entity }: EntityRow): Entity {
  return entity;
}
