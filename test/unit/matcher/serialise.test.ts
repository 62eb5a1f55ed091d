// Serialisation: compact bytes, loaded without recompiling, giving identical mentions; corrupt bytes rejected.
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, loadMatcher, serializeMatcher } from '@/src/matcher';
import { cbpEntities, fixtureText, ftmEntities, uflpaEntities } from './entity-fixtures';

const entities = [...uflpaEntities(), ...cbpEntities(), ...ftmEntities('yente_zala_cluster.ftm.jsonl'), ...ftmEntities('yente_t1_eu_fsf_sample.ftm.jsonl')];
const compiled = compileMatcher(entities);
const page = [
  'Suppliers: Camel Group Co., Ltd.; Supermax Healthcare; ZALA AERO JSC (UEI M52TNV23BGX4);',
  'OOO “Аэроскан”, Top Glove Corporation Bhd, Hoshine Silicon Industry (Shanshan) Co., Ltd',
  fixtureText('forced_labour_import_bans/uflpa_entity_list_sample_rows.csv'),
].join('\n');

describe('serializeMatcher / loadMatcher', () => {
  it('round-trips to a matcher that finds identical mentions', () => {
    const bytes = serializeMatcher(compiled);
    const loaded = loadMatcher(bytes);
    const before = findMentions(compiled, page);
    expect(before.length).toBeGreaterThan(10);
    expect(findMentions(loaded, page)).toEqual(before);
  });
  it('loads from bytes at any alignment (a copy inside a larger buffer)', () => {
    const bytes = serializeMatcher(compiled);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(findMentions(loadMatcher(shifted.subarray(1)), page)).toEqual(findMentions(compiled, page));
  });
  it('is compact: typed arrays, not JSON objects per node', () => {
    const bytes = serializeMatcher(compiled);
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(JSON.stringify(entities)).length * 4);
    expect(() => JSON.parse(new TextDecoder().decode(bytes))).toThrow();
  });
  it('rejects bytes that are not a matcher, a truncated matcher and another format version', () => {
    const bytes = serializeMatcher(compiled);
    expect(() => loadMatcher(new Uint8Array(8))).toThrow(/Not a TenderLens matcher/);
    expect(() => loadMatcher(new TextEncoder().encode('{"hello":"world","x":1}'))).toThrow(/Not a TenderLens matcher/);
    expect(() => loadMatcher(bytes.slice(0, bytes.length - 100))).toThrow(/truncated/);
    const otherVersion = bytes.slice();
    new DataView(otherVersion.buffer).setUint32(4, 99, true);
    expect(() => loadMatcher(otherVersion)).toThrow(/format 99/);
  });
});
