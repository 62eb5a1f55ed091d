import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { LiveNoticeReader } from '@/src/adapters/read-notice-live';
import { htmlPage } from './pages';

const TED_XML = readFileSync(new URL('../../fixtures/ted/ted_eforms_can_standard_043489-2024.xml', import.meta.url), 'utf8');
const SAM_JSON = readFileSync(new URL('../../fixtures/portal_html/us_sam_gov_opportunities_v2_search_response.json', import.meta.url), 'utf8');
const xmlParser = new DOMParser() as unknown as { parseFromString(text: string, type: string): Document };

function serving(files: Record<string, string>) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    return url in files ? new Response(files[url]) : new Response('not found', { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

const TED_PAGE = 'https://ted.europa.eu/en/notice/-/detail/43489-2024';
const tedPage = () => htmlPage('<h1>Germany – Refuse and waste related services</h1><p>Official name: Dunkel Baustoff-Recycling-Zentrum oHG</p>');

describe('reading a page with its notice data', () => {
  it('reads a TED page from its XML twin, once per address however often the page is read again', async () => {
    const server = serving({ 'https://ted.europa.eu/en/notice/43489-2024/xml': TED_XML });
    const reader = new LiveNoticeReader({ fetch: server.fetch, xmlParser });
    const reading = await reader.read(tedPage(), TED_PAGE);
    expect(reading.portal).toBe('ted');
    expect(reading.suppliers.map((s) => s.name)).toEqual(['Dunkel Baustoff-Recycling-Zentrum oHG']);
    await reader.read(tedPage(), TED_PAGE);
    expect(server.asked).toEqual(['https://ted.europa.eu/en/notice/43489-2024/xml']);
  });

  it('falls back to the page itself when the twin cannot be had, or is hostile', async () => {
    const missing = new LiveNoticeReader({ fetch: serving({}).fetch, xmlParser });
    const reading = await missing.read(tedPage(), TED_PAGE);
    expect(reading).toMatchObject({ portal: 'ted', title: 'Germany – Refuse and waste related services', suppliers: [] });
    const hostile = new LiveNoticeReader({
      fetch: serving({ 'https://ted.europa.eu/en/notice/43489-2024/xml': '<!DOCTYPE x [<!ENTITY a "b">]><TED_EXPORT>&a;</TED_EXPORT>' }).fetch,
      xmlParser,
    });
    expect((await hostile.read(tedPage(), TED_PAGE)).suppliers).toEqual([]);
  });

  it('follows a SAM.gov amendment to its latest version', async () => {
    const oldId = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const record = (JSON.parse(SAM_JSON) as { opportunitiesData: { noticeId: string }[] }).opportunitiesData.find((r) => r.noticeId === 'f90fba9ebf6243ed8290c4ed4603c182')!;
    const server = serving({
      [`https://sam.gov/api/prod/opps/v2/opportunities/${oldId}`]: JSON.stringify({ data2: { title: 'Earlier version' }, latest: false, related: { opportunityId: 'f90fba9ebf6243ed8290c4ed4603c182' } }),
      'https://sam.gov/api/prod/opps/v2/opportunities/f90fba9ebf6243ed8290c4ed4603c182': JSON.stringify({ data2: record, latest: true, cancelled: false, archived: false }),
    });
    const reader = new LiveNoticeReader({ fetch: server.fetch, xmlParser });
    const reading = await reader.read(htmlPage('<h1>Opportunity</h1>'), `https://sam.gov/opp/${oldId}/view`);
    expect(reading.title).toBe('Q999--Cancer CarePoint Associates, LLC');
    expect(reading.stage).toBe('Active');
    expect(reading.suppliers.map((s) => s.name)).toEqual(['CANCER CAREPOINT ASSOCIATES, LLC']);
    expect(server.asked).toHaveLength(2);
  });

  it('reads a twin served in ISO-8859-1 with its accents (the bytes, not a UTF-8 reading of them)', async () => {
    // The real notice as a server sending ISO-8859-1 would (declaration and bytes re-encoded from the UTF-8 original).
    const iso = TED_XML.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const bytes = Uint8Array.from(iso, (c) => c.charCodeAt(0));
    const fetch = (async () => new Response(bytes, { headers: { 'content-type': 'application/xml; charset=ISO-8859-1' } })) as typeof globalThis.fetch;
    const reading = await new LiveNoticeReader({ fetch, xmlParser }).read(tedPage(), TED_PAGE);
    const utf8Reading = await new LiveNoticeReader({ fetch: serving({ 'https://ted.europa.eu/en/notice/43489-2024/xml': TED_XML }).fetch, xmlParser }).read(tedPage(), TED_PAGE);
    expect(reading).toEqual(utf8Reading);
    expect(JSON.stringify(reading)).toMatch(/[äöüß]/);
    expect(JSON.stringify(reading)).not.toContain('\ufffd');
  });

  it('does not read the twin of a reader that is switched off', async () => {
    const server = serving({ 'https://ted.europa.eu/en/notice/43489-2024/xml': TED_XML });
    const reader = new LiveNoticeReader({ fetch: server.fetch, xmlParser, switchedOff: new Set(['ted']) });
    expect((await reader.read(tedPage(), TED_PAGE)).portal).toBe('generic');
    expect(server.asked).toEqual([]);
  });
});
