// Errors the user reads are shown in the interface language: an import refused by importEntityList (run on Dexie
// over fake-indexeddb, as the options page runs it) reads in German with the German catalogue, and its English
// message, kept for logs and the CLI, is exactly the English catalogue's; it keeps its key when the background
// sends it to a page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { importEntityList } from '@/src/extension/import-entity-list';
import { openKnowledgeDb, type KnowledgeDb } from '@/src/kb/db';
import { errorText } from '@/src/ui/i18n';
import { errorEnvelope, sendToBackground } from '@/src/extension/messages';
import { LocalisedError } from '@/src/core/localised-error';
import { useCatalogue } from './use-catalogue';

let db: KnowledgeDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = openKnowledgeDb(`localised-errors-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

async function refusal(file: File, options: { title: string; evidenceUrl?: string; meaning?: 'watch' }): Promise<unknown> {
  return importEntityList(db, file, { meaning: 'watch', ...options }).then(
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

describe('an error from the background', () => {
  it('keeps its catalogue key across the message boundary, so the page shows it in its language', async () => {
    const envelope = errorEnvelope(new LocalisedError('importNeedsName', [], 'Give the list a name.'));
    fakeBrowser.runtime.sendMessage = (async () => envelope) as typeof fakeBrowser.runtime.sendMessage;
    const error = await sendToBackground({ type: 'list-feeds' }).catch((e: unknown) => e);
    useCatalogue('sv', 'sv-SE');
    expect(errorText(error)).toBe('Ge listan ett namn.');
    expect((error as Error).message).toBe('Give the list a name.');
  });

  it('that is not localised reads as it says', async () => {
    fakeBrowser.runtime.sendMessage = (async () => errorEnvelope(new Error('disk on fire'))) as typeof fakeBrowser.runtime.sendMessage;
    useCatalogue('sv', 'sv-SE');
    expect(errorText(await sendToBackground({ type: 'list-feeds' }).catch((e: unknown) => e))).toBe('disk on fire');
  });
});
