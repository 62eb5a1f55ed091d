// Reads the DHS UFLPA Entity List page (https://www.dhs.gov/uflpa-entity-list) into entities and import-ban flags:
// one table per clause of UFLPA §2(d)(2)(B), each with "Name of Entity" and "Effective Date" columns; the clause is
// read from the heading before the table, aliases from the name cell's grammar.
import { load } from 'cheerio/slim';
import type { Entity, Flag } from '../core/types';
import { UFLPA_LIST_URL, UFLPA_SOURCE_ID, uflpaEntityId } from '../data/convert/uflpa';
import { UFLPA_CLAUSES } from '../data/convert/uflpa-list';
import { parseUflpaNameCell, UflpaNameCellError } from '../data/convert/uflpa-name-cell';
import { latestDate, ListParseError, readListDate, type ListSnapshot } from './list-snapshot';

const CLAUSE_IN_HEADING = /2\s*\(\s*d\s*\)\s*\(\s*2\s*\)\s*\(\s*B\s*\)\s*\(\s*(iv|v|i{1,3})\s*\)/i;
const tidy = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** `sourceId`: the list the rows load into (the shipped UFLPA list, or a copy of it subscribed to by address). */
export function parseUflpaPage(html: string, pageUrl = UFLPA_LIST_URL, sourceId = UFLPA_SOURCE_ID): ListSnapshot {
  const $ = load(html);
  const entities = new Map<string, Entity>();
  const flags: Flag[] = [];
  let tableNumber = 0;
  $('table').each((_, table) => {
    const headers = $(table).find('th').map((__, th) => tidy($(th).text()).toLowerCase()).get();
    const nameColumn = headers.findIndex((h) => h.startsWith('name of entity'));
    const dateColumn = headers.findIndex((h) => h.startsWith('effective date'));
    if (nameColumn < 0) return;
    tableNumber++;
    if (dateColumn < 0) throw new ListParseError(`${pageUrl}, table ${tableNumber}`, 'expected an "Effective Date" column beside "Name of Entity"');
    // The heading that introduces the table names its clause.
    const heading = tidy($(table).prevAll('h1, h2, h3, h4, h5, p').first().text() || $(table).closest('section, div').find('h2, h3, h4').first().text());
    const clause = CLAUSE_IN_HEADING.exec(heading)?.[1]?.toLowerCase();
    const sectionNote = clause ? `Section 2(d)(2)(B)(${clause}): ${UFLPA_CLAUSES[clause]}.` : `Table ${tableNumber} of the DHS page.`;
    $(table)
      .find('tbody tr')
      .each((rowIndex, tr) => {
        const cells = $(tr).find('td').map((__, td) => tidy($(td).text())).get();
        if (cells.length === 0) return;
        const where = `${pageUrl}, table ${tableNumber}, row ${rowIndex + 1}`;
        const cell = cells[nameColumn] ?? '';
        if (!cell) throw new ListParseError(where, 'expected an entity name, found an empty cell');
        let names;
        try {
          names = parseUflpaNameCell(cell);
        } catch (error) {
          if (error instanceof UflpaNameCellError) throw new ListParseError(where, error.message);
          throw error;
        }
        const dateText = cells[dateColumn] ?? '';
        const date = readListDate(dateText);
        if (!date) throw new ListParseError(where, `expected an effective date such as "June 21, 2022", found ${JSON.stringify(dateText)}`);
        const id = `${sourceId}:${uflpaEntityId(names.name).slice(UFLPA_SOURCE_ID.length + 1)}`;
        const known = entities.get(id);
        const entity: Entity = known ?? {
          id, sourceId, schema: 'Company', name: names.name, aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [],
        };
        for (const alias of names.aliases) if (!entity.aliases.includes(alias)) entity.aliases.push(alias);
        for (const previous of names.previousNames) if (!entity.previousNames.includes(previous)) entity.previousNames.push(previous);
        entities.set(id, entity);
        const note = [
          'On the UFLPA Entity List: its goods are barred from US import under a rebuttable presumption of forced labour.',
          sectionNote,
          names.includesSubsidiaries ? 'The listing extends to its subsidiaries.' : '',
          "Read from DHS's own page.",
        ].filter(Boolean);
        flags.push({
          id: `${id}:import_ban${known ? `:${tableNumber}` : ''}`,
          sourceId,
          listVersion: '',
          type: 'import_ban',
          entityId: id,
          date,
          evidenceUrl: UFLPA_LIST_URL,
          note: note.join(' '),
          verification: 'verified',
        });
      });
  });
  if (tableNumber === 0) throw new ListParseError(pageUrl, 'found no table with a "Name of Entity" column; the page may have changed');
  if (entities.size === 0) throw new ListParseError(pageUrl, 'the tables list no entity');
  const listDate = latestDate(flags.map((f) => f.date));
  const version = `dhs.gov, latest listing ${listDate}`;
  for (const flag of flags) flag.listVersion = version;
  return { entities: [...entities.values()], flags, version, ...(listDate ? { listDate } : {}) };
}
