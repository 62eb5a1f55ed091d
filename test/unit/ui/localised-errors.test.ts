// Errors the user reads are shown in the interface language: an import refused by importEntityList (run on Dexie
// over fake-indexeddb, as the options page runs it) reads in German with German catalogue, and its English
// message, kept for logs and the CLI, is exactly the English catalogue's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { importEntityList } from '@/src/extension/import-entity-list';
import { openKnowledgeDb, type KnowledgeDb } from '@/src/kb/db';
import { errorText } from '@/src/ui/i18n';
import { useCatalogue } from './use-catalogue';

let db: KnowledgeDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = openKnowledgeDb(`localised-errors-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

async function refusal(file: File, options: { title: string; evidenceUrl?: string }): Promise<unknown> {
  return importEntityList(db, file, options).then(
    () => {
      throw new Error('the import was accepted');
    },
    (error: unknown) => error,
  );
}

const people = () => new File(['{"id":"p1","schema":"Person","properties":{"name":["A B"]}}\n'], 'people.jsonl');

describe('a refused import', () => {
  it.each([
    ['no name', () => refusal(people(), { title: '  ' }), 'Geben Sie der Liste einen Namen.'],
    ['a javascript: evidence link', () => refusal(people(), { title: 'L', evidenceUrl: 'javascript:alert(1)' }), 'Der Link zum Nachweis muss mit http:// oder https:// beginnen (erhalten: „javascript:alert(1)“).'],
    ['not UTF-8', () => refusal(new File([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])], 'bad.jsonl'), { title: 'L' }), 'bad.jsonl: kein UTF-8-Text um Zeile 1; FollowTheMoney-Dateien sind JSON Lines in UTF-8.'],
    ['no companies', () => refusal(people(), { title: 'L' }), 'people.jsonl: keine Unternehmen oder Organisationen gefunden (1 Zeilen gelesen, 0 Probleme).'],
  ])('with %s reads in German, and in English exactly as its message', async (_, refuse, german) => {
    const error = await refuse();
    useCatalogue('de', 'de-DE');
    expect(errorText(error)).toBe(german);
    useCatalogue('en', 'en-GB');
    expect(errorText(error)).toBe((error as Error).message);
  });
});
