// The official-list parsers on saved copies built in the pages' documented structure, and their errors.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { convertIlabGoods } from '@/src/data/convert/ilab';
import { diffLists } from '@/src/sources/list-diff';
import { ListParseError, readListDate } from '@/src/sources/list-snapshot';
import { findCbpCsvLink, parseCbpCsv } from '@/src/sources/parse-cbp-list';
import { parseCsvList, parseFtmList } from '@/src/sources/parse-entity-lists';
import { parseIlabDownload } from '@/src/sources/parse-ilab-list';
import { parseUflpaPage } from '@/src/sources/parse-uflpa-page';
import type { Entity } from '@/src/core/types';
import { fixture } from './list-server';

const entity = (id: string, name: string, more: Partial<Entity> = {}): Entity => ({ id, sourceId: 's', schema: 'Company', name, aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [], ...more });

describe('the DHS UFLPA Entity List page', () => {
  const page = fixture('dhs_uflpa_entity_list.html');
  const list = parseUflpaPage(page, 'https://www.dhs.gov/uflpa-entity-list');

  it('reads every row of the four tables, with the clause of each table', () => {
    expect(list.entities).toHaveLength(82);
    expect(list.listDate).toBe('2025-01-15');
    expect(list.version).toBe('dhs.gov, latest listing 2025-01-15');
    const hoshine = list.flags.find((f) => f.entityId === 'us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd')!;
    expect(hoshine).toMatchObject({ date: '2022-06-21', verification: 'verified', listVersion: list.version });
    expect(hoshine.note).toContain('Section 2(d)(2)(B)(i): makes goods wholly or in part with forced labour in Xinjiang.');
    expect(hoshine.note).toContain('The listing extends to its subsidiaries.');
  });

  it('reads aliases from the name cell and evens out &nbsp;', () => {
    const haolin = list.entities.find((e) => e.name === 'Hetian Haolin Hair Accessories Co. Ltd.')!;
    expect(haolin.aliases).toEqual(['Hotan Haolin Hair Accessories', 'Hollin Hair Accessories']);
    expect(list.entities.every((e) => !e.name.includes('\u00a0'))).toBe(true);
  });

  it('refuses a page whose tables are gone, or a row without a date, naming where', () => {
    expect(() => parseUflpaPage('<html><body><p>Page moved</p></body></html>', 'https://www.dhs.gov/uflpa-entity-list')).toThrow(
      new ListParseError('https://www.dhs.gov/uflpa-entity-list', 'found no table with a "Name of Entity" column; the page may have changed'),
    );
    const noDate = page.replace('<td>June 21, 2022</td>', '<td>soon</td>');
    expect(() => parseUflpaPage(noDate, 'p')).toThrow(/^p, table 1, row 1: expected an effective date such as "June 21, 2022", found "soon"$/);
  });

  it('reads the dates the lists write', () => {
    expect(['June 21, 2022', '6/21/2022', '2022-06-21', 'Sept. 27, 2023'].map(readListDate)).toEqual(['2022-06-21', '2022-06-21', '2022-06-21', '2023-09-27']);
    expect(readListDate('February 30, 2024')).toBeUndefined();
  });
});

describe('the CBP Withhold Release Orders and Findings page and CSV', () => {
  it('finds the CSV the page links, as an absolute address', () => {
    expect(findCbpCsvLink(fixture('cbp_withhold_release_orders_findings.html'), 'https://www.cbp.gov/document/stats/withhold-release-orders-findings')).toBe(
      'https://www.cbp.gov/sites/default/files/2025-12/withhold-release-orders-findings-fy26-dec.csv',
    );
    expect(() => findCbpCsvLink('<a href="javascript:alert(1)//withhold.csv">x</a>', 'https://www.cbp.gov/x')).toThrow(/not an http\(s\) address/);
  });

  it('loads the active orders only, one flag per order', () => {
    const list = parseCbpCsv(fixture('withhold-release-orders-findings-fy26-dec.csv'), 'https://www.cbp.gov/f/withhold-release-orders-findings-fy26-dec.csv');
    const csvRows = fixture('withhold-release-orders-findings-fy26-dec.csv').trim().split('\r\n').slice(1);
    const active = csvRows.filter((line) => /^[^,]*,[^,]*,Active,/.test(line)).length;
    expect(active).toBeGreaterThan(20);
    expect(list.flags.length).toBeGreaterThanOrEqual(active);
    expect(list.entities.some((e) => /Supermax/.test(e.name))).toBe(false); // Inactive since 2023
    const prison = list.flags.filter((f) => f.entityId === 'us-cbp-wro:state-penitentiary-ciudad-victoria-tamaulipas-mexico');
    expect(prison.map((f) => f.date)).toEqual(['1953-12-28', '1958-10-29']);
    expect(prison[0]).toMatchObject({ country: 'MX', verification: 'verified' });
  });

  it('names the file, line and column of a bad field', () => {
    const bad = 'Effective Date,Country,Status,Entity,Merchandise,Industry,WRO/Finding,Remarks\r\nlater,China,Active,X Co.,,,WRO,\r\n';
    expect(() => parseCbpCsv(bad, 'https://cbp.gov/a.csv')).toThrow('a.csv, line 2: column "Effective Date": expected a date such as 9/30/2020, found "later"');
  });
});

describe('the DOL ILAB data download', () => {
  it('gives the shipped flag ids, so the risk map still points at them', () => {
    const list = parseIlabDownload(fixture('ilab_better_trade_tool_core_data.csv'), 'core.csv');
    const shipped = convertIlabGoods(readFileSync(new URL('../../../src/data/sources/ilab/ilab_tvpra_goods_2022.csv', import.meta.url), 'utf8'), 'ilab.csv');
    const shippedIds = new Set(shipped.flags.filter((f) => f.type !== 'derived_labour_exploitation').map((f) => f.id));
    expect(new Set(list.flags.map((f) => f.id))).toEqual(shippedIds);
  });

  it('refuses a year range it cannot read', () => {
    expect(() => parseIlabDownload('Country,Country_ISOCode,Good,CL,FL,FCL\nBurma,MM,Rice,since ever,,\n', 'core.csv')).toThrow('core.csv, line 2, column "CL": expected years such as "2009-" or "2009-2016", found "since ever"');
  });
});

describe('entity lists by address', () => {
  it('reads an OpenSanctions entities.ftm.json (JSON lines)', () => {
    const text = readFileSync(new URL('../../fixtures/ftm/yente_zala_cluster.ftm.jsonl', import.meta.url), 'utf8');
    const list = parseFtmList(text, { sourceId: 'list-x', url: 'https://data.opensanctions.org/datasets/latest/x/entities.ftm.json', flagType: 'forced_labour' });
    expect(list.entities.length).toBe(11);
    expect(list.flags.every((f) => f.type === 'forced_labour')).toBe(true);
  });

  it('reads a CSV through a column mapping and names a bad country', () => {
    const csv = 'Company,Other names,Nation\nAcme Gloves Sdn Bhd,Acme; Acme Rubber,Malaysia\n';
    const list = parseCsvList(csv, { sourceId: 'list-y', url: 'https://ngo.example/list.csv', flagType: 'forced_labour' }, { name: 'Company', aliases: 'Other names', country: 'Nation' });
    expect(list.entities).toEqual([expect.objectContaining({ name: 'Acme Gloves Sdn Bhd', aliases: ['Acme', 'Acme Rubber'], countries: ['MY'] })]);
    expect(() => parseCsvList(csv.replace('Malaysia', 'Atlantis'), { sourceId: 'y', url: 'https://n/l.csv', flagType: 'forced_labour' }, { name: 'Company', country: 'Nation' })).toThrow(
      'https://n/l.csv, line 2, column "Nation": expected a country, found "Atlantis"',
    );
    expect(() => parseCsvList(csv, { sourceId: 'y', url: 'https://n/l.csv', flagType: 'forced_labour' }, { name: 'Name' })).toThrow(/missing column\(s\) "Name"/);
  });
});

describe('what a refresh changed', () => {
  it('tells added, removed and renamed entities apart', () => {
    const before = [entity('a', 'Hefei Meiling Co., Ltd.'), entity('b', 'Camel Group Co., Ltd.'), entity('c', 'Gone Ltd.'), entity('d', 'Aksu Huafu Textiles Co., Ltd.')];
    const after = [
      entity('e', 'Changhong Meiling Co., Ltd.', { previousNames: ['Hefei Meiling Co., Ltd.'] }),
      entity('b', 'Camel Group Co., Ltd.'),
      entity('d', 'Aksu Huafu Color Spinning Co., Ltd.'),
      entity('f', 'New Entity Co.'),
    ];
    expect(diffLists(before, after)).toEqual({
      added: [{ id: 'f', name: 'New Entity Co.' }],
      removed: [{ id: 'c', name: 'Gone Ltd.' }],
      renamed: [
        { id: 'e', from: 'Hefei Meiling Co., Ltd.', to: 'Changhong Meiling Co., Ltd.' },
        { id: 'd', from: 'Aksu Huafu Textiles Co., Ltd.', to: 'Aksu Huafu Color Spinning Co., Ltd.' },
      ],
    });
  });
});
