// The six interface languages are complete: every catalogue in public/_locales has exactly the English keys, each
// message keeps English's placeholders ($1…$9 and named $NAME$ ones, as browser.i18n substitutes them), and no
// catalogue is English copied over. A key added in English without its translations fails here.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const localesDir = fileURLToPath(new URL('../../../public/_locales/', import.meta.url));

/** The buyers' languages: English first, then the portals' and the seed buyers' languages. */
const LANGUAGES = ['en', 'es', 'fr', 'nl', 'de', 'sv'];

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalogue = Record<string, Entry>;

function readCatalogue(lang: string): Catalogue {
  return JSON.parse(readFileSync(path.join(localesDir, lang, 'messages.json'), 'utf8')) as Catalogue;
}

/** The substitutions a message takes: numbered ($1) and named ($NAME$), sorted; `$$` is a literal dollar. */
function placeholdersOf(entry: Entry): string[] {
  const found: string[] = [];
  for (const m of entry.message.replace(/\$\$/g, '').matchAll(/\$([1-9])|\$([A-Za-z0-9_@]+)\$/g)) {
    found.push(m[1] ? `$${m[1]}` : `$${m[2]!.toLowerCase()}$`);
  }
  return [...new Set(found)].sort();
}

/** What each named placeholder stands for ("$1", "$2"): must be the same in every language. */
function placeholderContents(entry: Entry): Record<string, string> {
  return Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
}

const english = readCatalogue('en');
const translations = LANGUAGES.slice(1).map((lang) => [lang, readCatalogue(lang)] as const);

describe('interface languages', () => {
  it('has a catalogue for each of the six languages, and no other', () => {
    const present = readdirSync(localesDir).filter((name) => !name.startsWith('.')).sort();
    expect(present).toEqual([...LANGUAGES].sort());
  });

  it('English messages are non-empty and their named placeholders are defined', () => {
    for (const [key, entry] of Object.entries(english)) {
      expect(typeof entry.message === 'string' && entry.message.trim() !== '', key).toBe(true);
      const defined = Object.keys(placeholderContents(entry));
      for (const p of placeholdersOf(entry).filter((p) => p.endsWith('$') && p.length > 2)) {
        expect(defined, `${key}: ${p}`).toContain(p.slice(1, -1));
      }
    }
  });

  describe.each(translations)('%s', (lang, catalogue) => {
    it('has every English key', () => {
      const missing = Object.keys(english).filter((key) => !(key in catalogue));
      expect(missing, `keys missing from ${lang}/messages.json`).toEqual([]);
    });

    it('has no key English lacks', () => {
      const extra = Object.keys(catalogue).filter((key) => !(key in english));
      expect(extra, `keys in ${lang}/messages.json that English does not have`).toEqual([]);
    });

    it("keeps each message's placeholders", () => {
      const differing = Object.keys(english)
        .filter((key) => key in catalogue)
        .filter((key) => {
          const theirs = catalogue[key]!;
          return (
            typeof theirs.message !== 'string' ||
            theirs.message.trim() === '' ||
            placeholdersOf(theirs).join(' ') !== placeholdersOf(english[key]!).join(' ') ||
            JSON.stringify(placeholderContents(theirs)) !== JSON.stringify(placeholderContents(english[key]!))
          );
        })
        .map((key) => `${key}: "${catalogue[key]?.message}" vs "${english[key]!.message}"`);
      expect(differing).toEqual([]);
    });

    it('is translated, not English copied over', () => {
      // Names, codes and a few words are the same in both ("TenderLens", "CPV", "Version", "Feed"); whole English
      // sentences are not.
      const same = Object.keys(english).filter((key) => catalogue[key]?.message === english[key]!.message);
      const sentences = same.filter((key) => english[key]!.message.split(/\s+/).length > 3);
      expect(sentences, `English sentences left in ${lang}/messages.json`).toEqual([]);
      expect(same.length / Object.keys(english).length).toBeLessThan(0.15);
    });
  });
});
