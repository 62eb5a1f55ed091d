// The bidder check at evaluation size, in its own process: 20 bidders, each with a disclosure of 200 facilities
// (some named as listed companies, products and countries the ILAB list names), checked against 100k generated
// entities plus the shipped product lists. The baseline, in the same run, is the plain matcher scan of the same
// names (each bidder and each facility's name, parent company and identifiers), which the check must do anyway;
// the ratio says what the rest of the check (links between facilities, derived risk, quality, evidence) costs.
// Usage: node --expose-gc <bundle> <entities> <defaults.json>
import { readFileSync } from 'node:fs';
import type { DefaultData, Entity } from '@/src/core/types';
import { checkBidders } from '@/src/disclosures/check-bidders';
import { checkKnowledgeFrom } from '@/src/disclosures/check-knowledge';
import { catalogueWords, type Catalogue } from '@/src/disclosures/report-words';
import type { DisclosedFacility, Disclosure } from '@/src/disclosures/types';
import { compileMatcher, findMentions } from '@/src/matcher';
import { generateEntities, seededRandom } from './bench-corpus';
import { medianMs } from './bench-stats';

export interface BidderCheckMeasurement {
  entities: number;
  bidders: number;
  facilities: number;
  checkMs: number;
  scanMs: number;
  flags: number;
}

const BIDDERS = 20;
const FACILITIES = 200;
const COUNTRIES = ['CN', 'MY', 'TR', 'BD', 'IN', 'VN', 'PK', 'TH', 'ID', 'MX'];
const PRODUCTS = ['cotton shirts', 'nitrile gloves', 'laptops', 'polysilicon wafers', 'terry towels', 'garments', 'lithium batteries', 'office chairs'];

const [count, defaultsFile] = [Number(process.argv[2] ?? 100_000), process.argv[3] ?? 'public/data/defaults.json'];
const data = JSON.parse(readFileSync(defaultsFile, 'utf8')) as DefaultData;
const words = catalogueWords(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Catalogue, 'en');
const generated: Entity[] = generateEntities(count).map((e) => ({ ...e, sourceId: 'bench', schema: 'Company', aliases: e.aliases ?? [], weakAliases: e.weakAliases ?? [], previousNames: e.previousNames ?? [], identifiers: [], countries: [] }));
const entities = [...data.entities, ...generated];
const knowledge = checkKnowledgeFrom({ sources: data.sources, entities, flags: data.flags, riskCategories: data.riskCategories }, compileMatcher(entities));

const random = seededRandom(11);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const disclosures: Disclosure[] = [];
for (let b = 0; b < BIDDERS; b++) {
  const supplierKey = `supplier:bidder ${b}`;
  const facilities: DisclosedFacility[] = [];
  for (let f = 0; f < FACILITIES; f++) {
    // one facility in ten is named as a generated entity (a hit to explain), the others are new names
    const name = random() < 0.1 ? pick(generated).name : `Facility ${b}-${f} ${pick(['Textile', 'Glove', 'Electronics', 'Furniture'])} Co., Ltd.`;
    const country = pick(COUNTRIES);
    facilities.push({ key: `${country}:${b}:${f}`, row: f + 2, name, address: `No. ${f + 1} Industrial Road, District ${b}, City ${f % 17}`, country, products: [pick(PRODUCTS)], stage: 'assembly', sector: [], facilityType: [], processingType: [], lastAuditDate: '2026-05-01', auditFindings: 'summary' });
  }
  disclosures.push({ id: `${supplierKey}#1`, supplierKey, supplier: { name: `Bidder ${b} NV`, id: `BE0${b}`, registeredOffice: 'Brussels' }, kind: 'disclosure', version: 1, disclosureDate: '2026-10-01', importedAt: '2026-12-01T00:00:00Z', fileName: `bidder-${b}.csv`, format: 'csv', facilities, problems: [] });
}
const bidders = disclosures.map((d) => ({ name: d.supplier.name }));
const names = [...bidders.map((b) => b.name), ...disclosures.flatMap((d) => d.facilities.map((f) => f.name))];

let flags = 0;
const checkMs = medianMs(3, () => {
  const report = checkBidders({ bidders, disclosures, knowledge, asOf: '2026-12-03', generatedAt: '2026-12-03T00:00:00Z', words });
  flags = report.bidders.reduce((n, b) => n + b.flags.length, 0);
});
const scanMs = medianMs(5, () => names.reduce((n, text) => n + findMentions(knowledge.matcher, text).length, 0));
const result: BidderCheckMeasurement = { entities: entities.length, bidders: BIDDERS, facilities: BIDDERS * FACILITIES, checkMs, scanMs, flags };
process.stdout.write(`${JSON.stringify(result)}\n`);
