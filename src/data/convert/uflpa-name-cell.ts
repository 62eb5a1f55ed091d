// Reads the "Name of Entity" cell of the DHS UFLPA Entity List: the primary name, its aliases and former names
// from the parenthesised alias grammar, and whether the listing extends to subsidiaries.

export interface UflpaNames {
  name: string;
  aliases: string[];
  previousNames: string[];
  /** The cell ends with "and subsidiaries": the listing covers the entity's subsidiaries too. */
  includesSubsidiaries: boolean;
}

/** A name cell that does not follow the list's grammar, with the cell text and what went wrong. */
export class UflpaNameCellError extends Error {
  constructor(
    readonly cell: string,
    readonly problem: string,
  ) {
    super(`${problem} in the name cell ${JSON.stringify(cell)}`);
    this.name = 'UflpaNameCellError';
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  nbsp: ' ',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

/** Decodes the HTML character references a copied cell may keep (&amp;, &nbsp;, &#39;, &#x2019;). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const codePoint = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
};

/** How a bracketed group introduces names: "(including two aliases: …)", "(also known as …)", … */
const ALIAS_INTRO = /^(?:(?:including|and|with)\s+(\w+)\s+(?:alias|aliases)\s*:|also\s+known\s+as\b:?|a\.?k\.?a\.?(?=\s)|formerly\s+known\s+as\b:?|previously\s+known\s+as\b:?|f\.?k\.?a\.?(?=\s))\s*/i;
const FORMER_NAME_INTRO = /^(?:formerly|previously)\s+known\s+as|^f\.?k\.?a\./i;
const SUBSIDIARIES = /,?\s+and\s+(?:its\s+)?subsidiaries\.?$/i;

interface BracketGroup {
  start: number;
  end: number; // index after the closing bracket
  content: string;
}

/** The top-level bracketed groups of a text, nested brackets kept inside their group. */
function topLevelGroups(text: string, cell: string): BracketGroup[] {
  const groups: BracketGroup[] = [];
  let depth = 0;
  let start = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '(') {
      if (depth === 0) start = index;
      depth++;
    } else if (char === ')') {
      if (depth === 0) throw new UflpaNameCellError(cell, `a ")" with no "(" before it at character ${index + 1}`);
      depth--;
      if (depth === 0) groups.push({ start, end: index + 1, content: text.slice(start + 1, index) });
    }
  }
  if (depth !== 0) throw new UflpaNameCellError(cell, 'a "(" is never closed');
  return groups;
}

/** "A; B; and C" → ["A", "B", "C"]. Names contain commas, so only semicolons separate them. */
function splitNameList(list: string): string[] {
  return list
    .split(';')
    .map((part) => part.trim().replace(/^and\s+/i, '').trim())
    .filter((part) => part.length > 0);
}

function cleanName(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^[\s,;]+|[\s,;]+$/g, '');
}

/** Parses one name cell. Throws UflpaNameCellError when the cell does not follow the grammar. */
export function parseUflpaNameCell(cell: string): UflpaNames {
  let text = decodeHtmlEntities(cell).replace(/[\s\u00a0]+/g, ' ').trim();
  let includesSubsidiaries = false;
  if (SUBSIDIARIES.test(text)) {
    includesSubsidiaries = true;
    text = text.replace(SUBSIDIARIES, '').trim();
  }

  const aliases: string[] = [];
  const previousNames: string[] = [];
  let name = '';
  let position = 0;
  for (const group of topLevelGroups(text, cell)) {
    const intro = ALIAS_INTRO.exec(group.content.trim());
    if (!intro) continue; // a bracket that is part of the name, e.g. "(Shanshan)"
    name += text.slice(position, group.start);
    position = group.end;
    const names = splitNameList(group.content.trim().slice(intro[0].length));
    if (names.length === 0) throw new UflpaNameCellError(cell, `no names after "${intro[0].trim()}"`);
    const countWord = intro[1]?.toLowerCase();
    if (countWord !== undefined) {
      const expected = NUMBER_WORDS[countWord] ?? (/^\d+$/.test(countWord) ? Number(countWord) : undefined);
      if (expected === undefined) throw new UflpaNameCellError(cell, `"${countWord}" is not a number of aliases`);
      if (expected !== names.length) {
        throw new UflpaNameCellError(cell, `"${intro[0].trim()}" announces ${expected} alias(es) but ${names.length} follow`);
      }
    }
    (FORMER_NAME_INTRO.test(group.content.trim()) ? previousNames : aliases).push(...names);
  }
  name += text.slice(position);
  name = cleanName(name);
  if (SUBSIDIARIES.test(name)) {
    includesSubsidiaries = true;
    name = cleanName(name.replace(SUBSIDIARIES, ''));
  }
  if (!name) throw new UflpaNameCellError(cell, 'no entity name');

  const unique = (names: string[]) => [...new Set(names.map(cleanName))].filter((alias) => alias && alias !== name);
  return { name, aliases: unique(aliases), previousNames: unique(previousNames), includesSubsidiaries };
}
