// Every interface string the code asks for exists in the English catalogue, and the catalogue is well formed,
// so a translation is a new _locales folder and nothing else.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const catalogue = JSON.parse(readFileSync(path.join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const PLURAL_FORMS = ['one', 'other'];

const files = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'entrypoints'))];
const used = new Map<string, string>();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*'([A-Za-z0-9_@]+)'/g)) used.set(m[1]!, path.relative(root, file));
  // A count's message has a form per plural category: tn('countFindings', n) needs countFindings_one and _other.
  for (const m of text.matchAll(/\btn\(\s*'([A-Za-z0-9_]+)'/g)) {
    for (const form of PLURAL_FORMS) used.set(`${m[1]!}_${form}`, path.relative(root, file));
  }
}

describe('interface strings', () => {
  it('finds the keys the code uses', () => {
    expect(used.size).toBeGreaterThan(30);
  });

  it.each([...used].filter(([key]) => !key.startsWith('@@')))('"%s" (used in %s) is in the English catalogue', (key) => {
    expect(catalogue[key]?.message, key).toBeTruthy();
  });

  it('keys are valid message names and substitutions are numbered $1..$9', () => {
    for (const [key, entry] of Object.entries(catalogue)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      for (const m of entry.message.matchAll(/\$(.)/g)) expect(m[1]).toMatch(/^[1-9]$/);
    }
  });

  it('every catalogue entry is used somewhere (by name, or by a `scope_` style prefix)', () => {
    const allSource = files.map((f) => readFileSync(f, 'utf8')).join('\n') + readFileSync(path.join(root, 'wxt.config.ts'), 'utf8');
    const unused = Object.keys(catalogue).filter((key) => {
      if (allSource.includes(`'${key}'`) || allSource.includes(`__MSG_${key}__`)) return false;
      if (used.has(key)) return false;
      // Looked up by a prefix ending in "_": keysStartingWith('matchWhy_').
      if ([...allSource.matchAll(/'([A-Za-z0-9]+_)'/g)].some((m) => key.startsWith(m[1]!))) return false;
      const prefix = key.slice(0, key.indexOf('_') + 1);
      return !(prefix && allSource.includes('`' + prefix + '${'));
    });
    expect(unused).toEqual([]);
  });

  it('the manifest name and description are localised', () => {
    const config = readFileSync(path.join(root, 'wxt.config.ts'), 'utf8');
    expect(config).toContain("'__MSG_extName__'");
    expect(config).toContain("default_locale: 'en'");
  });
});
