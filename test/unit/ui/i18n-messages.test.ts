// Every interface string the code asks for exists in the English catalogue, the catalogue is well formed, and the
// popup, side panel, options page and marks write no words, labels, dates or numbers of their own (they go through
// the catalogue and Intl), so a translation is a new _locales folder and nothing else.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import ts from 'typescript';

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

/** Text written into the interface in the code, not through the catalogue or Intl (file, line and what). */
function hardCodedText(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (
      ts.isJsxAttribute(node) &&
      TEXT_ATTRIBUTES.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}{2,}/u.test(node.initializer.text) &&
      node.initializer.text !== 'https://'
    ) {
      found.push(`${where(node)} ${node.getText()}`);
    }
    // Dates and numbers in the browser's reported language, not the catalogue's: use formatDate, formatNumber….
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^toLocale(Date|Time)?String$/.test(node.expression.name.text)) {
      found.push(`${where(node)} ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label']);

describe('interface text in the code', () => {
  const interfaceFiles = files.filter((f) => /^(src\/ui|src\/annotator|entrypoints)\//.test(path.relative(root, f)));

  it('looks at the popup, side panel, options page and marks', () => {
    expect(interfaceFiles.length).toBeGreaterThan(10);
  });

  it('has no words, labels, dates or numbers written outside the catalogue and Intl', () => {
    expect(interfaceFiles.flatMap(hardCodedText)).toEqual([]);
  });
});
