import { describe, expect, it } from 'vitest';
import shipped from '@/public/adapter-switches.json';
import { pickAdapter } from '@/src/adapters';
import { switchedOffAt, validateSwitchOffList, SwitchOffListError } from '@/src/adapters/switch-off-list';
import { DEFAULT_SWITCHES_URL, refreshSwitches, setSwitchesUrl, switchedOffAdapters, type SwitchesStorage } from '@/src/extension/adapter-switches';
import { FIND_A_TENDER_PAGE, savedPage } from '../adapters/pages';

function memoryStorage(): SwitchesStorage & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key) => (key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: async (more) => void Object.assign(items, structuredClone(more)),
  };
}

const list = (off: unknown[]) => ({ format: 'tenderlens-adapter-switches', version: 1, updated: '2026-12-01T10:00:00Z', off });
const LIST_URL = 'https://lists.example.org/switches.json';
const serve = (body: string, status = 200) => (async () => new Response(body, { status })) as unknown as typeof fetch;

describe('switched-off portal readers', () => {
  it('ships an empty list, so every reader is on', async () => {
    expect(validateSwitchOffList(shipped, ['ted']).off).toEqual([]);
    expect(await switchedOffAdapters(memoryStorage(), shipped)).toEqual(new Set());
  });

  it('downloads nothing while no address is set, and keeps the shipped list', async () => {
    const storage = memoryStorage();
    let requests = 0;
    const counting = (async () => (requests++, new Response('{}'))) as unknown as typeof fetch;
    const state = await refreshSwitches({ storage, shipped, fetch: counting });
    expect(requests).toBe(0);
    expect(state).toMatchObject({ origin: 'shipped', list: { off: [] } });
    expect(state.lastError).toBeUndefined();
  });

  it('takes a downloaded list and switches the reader off: its pages are read by the generic reader', async () => {
    const storage = memoryStorage();
    await setSwitchesUrl(storage, LIST_URL);
    const state = await refreshSwitches({ storage, shipped, fetch: serve(JSON.stringify(list([{ adapter: 'find-a-tender', reason: 'Page redesign on 1 December' }]))) });
    expect(state).toMatchObject({ origin: 'downloaded', list: { off: [{ adapter: 'find-a-tender' }] } });
    const off = await switchedOffAdapters(storage, shipped);
    expect(off).toEqual(new Set(['find-a-tender']));
    const page = savedPage(FIND_A_TENDER_PAGE);
    const url = 'https://www.find-tender.service.gov.uk/Notice/008624-2023';
    expect(pickAdapter(url, page).id).toBe('find-a-tender');
    expect(pickAdapter(url, page, off).id).toBe('generic');
  });

  it('keeps the last good list when a refresh fails or brings an invalid list, and says why', async () => {
    const storage = memoryStorage();
    await setSwitchesUrl(storage, LIST_URL);
    await refreshSwitches({ storage, shipped, fetch: serve(JSON.stringify(list([{ adapter: 'ted', reason: 'XML address moved' }]))) });
    const failed = await refreshSwitches({ storage, shipped, fetch: serve('gateway down', 502) });
    expect(failed.lastError).toBe(`${LIST_URL}: HTTP 502`);
    expect(await switchedOffAdapters(storage, shipped)).toEqual(new Set(['ted']));
    const invalid = await refreshSwitches({ storage, shipped, fetch: serve(JSON.stringify(list([{ adapter: 'tedd', reason: 'typo' }]))) });
    expect(invalid.lastError).toContain('"off"[0].adapter: expected one of find-a-tender, contracts-finder, ted, sam-gov, secop, belgium-eprocurement, mercado-publico, got "tedd"');
    expect(await switchedOffAdapters(storage, shipped)).toEqual(new Set(['ted']));
    const notJson = await refreshSwitches({ storage, shipped, fetch: serve('<html>') });
    expect(notJson.lastError).toContain('not valid JSON');
  });

  it('validates every field and ends a temporary switch at its date', () => {
    expect(() => validateSwitchOffList({ ...list([]), format: 'x' }, ['ted'])).toThrow('"format": expected "tenderlens-adapter-switches", got "x"');
    expect(() => validateSwitchOffList(list([{ adapter: 'ted', reason: '' }]), ['ted'])).toThrow(SwitchOffListError);
    expect(() => validateSwitchOffList(list([{ adapter: 'ted', reason: 'r', until: 'soon' }]), ['ted'])).toThrow('"off"[0].until: expected an ISO date, got "soon"');
    const temporary = validateSwitchOffList(list([{ adapter: 'ted', reason: 'r', until: '2026-12-05T00:00:00Z' }]), ['ted']);
    expect(switchedOffAt(temporary, new Date('2026-12-04T00:00:00Z'))).toEqual(new Set(['ted']));
    expect(switchedOffAt(temporary, new Date('2026-12-06T00:00:00Z'))).toEqual(new Set());
  });

  it('accepts only https addresses (or a local test server) for the list', async () => {
    const storage = memoryStorage();
    await expect(setSwitchesUrl(storage, 'http://example.org/list.json')).rejects.toThrow('only https addresses are accepted');
    await expect(setSwitchesUrl(storage, 'javascript:alert(1)')).rejects.toThrow('only https addresses are accepted');
    expect(await setSwitchesUrl(storage, 'https://lists.example.org/switches.json')).toBe('https://lists.example.org/switches.json');
    expect(await setSwitchesUrl(storage, '')).toBe(DEFAULT_SWITCHES_URL);
  });
});
