// Finds CPV codes in free page text, conservatively: an 8-digit number counts only when it has the shape of a CPV
// code and its context says so (the word CPV nearby, or a label printed with it), so that phone numbers, dates and
// references are not mistaken for codes. A printed check digit must be right unless the context names CPV.
import type { NoticeCpv } from '../core/types';
import { cpvCheckDigit, isCpvShaped } from './cpv-code';
import { mergeCpvCodes } from './notice-reading';

/** An 8-digit number not glued to other digits, letters or reference punctuation, with an optional "-d" check digit. */
const CANDIDATE = /(?<![\w./\\-])(\d{8})(?:-(\d)(?![\w-]))?(?![\w]|-\d)/g;
const CPV_WORD = /\bCPV\b/i;
const MAIN_WORD = /\b(?:main|principal|primary)\b/i;
/** Words that, just before a number, say it is something else (a phone, a registration or a reference). */
const OTHER_NUMBER_BEFORE =
  /\b(?:tel|tlf|telephone|phone|telefon|fax|mobile|mob|gsm|cell|ref|reference|no|nr|num|number|id|vat|cvr|siret|siren|kvk|reg|registration|company|account|iban|po box|postcode|zip)\b[\s.:#-]*$/i;

const LOOKBACK_CHARS = 300;
const LABEL_MAX_CHARS = 150;
const LABEL_AFTER = new RegExp(`^\\s*(?:[-\\u2013\\u2014:]|\\t)\\s*(\\p{L}[^\\n\\t|;]{0,${LABEL_MAX_CHARS}})`, 'u');
const LABEL_AFTER_SPACE = new RegExp(`^ (\\p{L}[^\\n\\t|;]{0,${LABEL_MAX_CHARS}})`, 'u');
const LABEL_BEFORE = new RegExp(`^\\s*(\\p{L}[^\\n]{0,${LABEL_MAX_CHARS}}?)\\s*[-\\u2013\\u2014]\\s*$`, 'u');
const ENDS_WITH_DASH = /[-\u2013\u2014]\s*$/;
/** A previous line that lists a CPV code (so a heading "CPV codes" further up still governs this line). */
const CODE_LINE = /^(?:\S.{0,160}\s[-\u2013\u2014]\s)?\d{8}(?:-\d)?(?:\s*[-\u2013\u2014:\s].{0,160})?$/;
const MAX_HEADING_LINES_BACK = 40;
/** Numbers looked at before giving up on a page (a hostile page can repeat a code a million times). */
const MAX_CANDIDATES = 20_000;
/** Text beyond this length is not searched. */
const MAX_TEXT_CHARS = 2_000_000;

/** Cuts a label at the next code in a list ("Drugs, 33690000-3 …") and trims it. */
function tidyLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const cut = label.split(/\s*,\s*\d{8}/)[0]!.replace(/\s+/g, ' ').trim().replace(/[.,:]$/, '');
  return /\p{L}{2}/u.test(cut) ? cut : undefined;
}

/** A label printed before the code in the same cell or list item ("Pharmaceutical products - 33600000"). */
function labelBefore(before: string): string | undefined {
  if (!ENDS_WITH_DASH.test(before)) return undefined;
  const segment = before.slice(Math.max(before.lastIndexOf('\t'), before.lastIndexOf('|'), before.lastIndexOf(';')) + 1);
  return tidyLabel(LABEL_BEFORE.exec(segment)?.[1]);
}

interface LineContext {
  before: string;
  after: string;
  previousLines: string[];
}

/** Index of the last newline in text[from, to), or -1; never looks outside that range. */
function lastNewlineBetween(text: string, from: number, to: number): number {
  const index = text.slice(Math.max(0, from), to).lastIndexOf('\n');
  return index === -1 ? -1 : Math.max(0, from) + index;
}

function lineContext(text: string, start: number, end: number): LineContext {
  // Every search stays inside a window around the number, so a page that is one enormous line stays linear.
  const windowStart = Math.max(0, start - LOOKBACK_CHARS);
  const newlineBefore = lastNewlineBetween(text, windowStart, start);
  const lineStart = newlineBefore === -1 ? (windowStart === 0 ? 0 : -1) : newlineBefore + 1;
  const before = text.slice(lineStart === -1 ? windowStart : lineStart, start);
  const afterWindow = text.slice(end, end + LABEL_MAX_CHARS + 10);
  const newlineAfter = afterWindow.indexOf('\n');
  const after = newlineAfter === -1 ? afterWindow : afterWindow.slice(0, newlineAfter);
  const previousLines: string[] = [];
  let cursor = lineStart - 1; // the newline ending the previous line; -1 when the line starts outside the window
  while (cursor > 0 && previousLines.length < MAX_HEADING_LINES_BACK) {
    const newline = lastNewlineBetween(text, cursor - 400, cursor);
    if (newline === -1 && cursor > 400) break; // a long paragraph is not a heading or a list item
    const previousStart = newline + 1;
    previousLines.push(text.slice(previousStart, cursor));
    cursor = previousStart - 1;
  }
  return { before, after, previousLines };
}

/**
 * Where the word CPV governs this number: on the same line before it, or on a short heading line above it with
 * only other code lines in between. Returns whether that context speaks of the main code, or undefined if none.
 */
function cpvContext(context: LineContext): { main: boolean } | undefined {
  if (CPV_WORD.test(context.before)) {
    const fromCpv = context.before.slice(Math.max(0, context.before.search(/CPV/i) - 20));
    return { main: MAIN_WORD.test(fromCpv) };
  }
  for (const line of context.previousLines) {
    if (CPV_WORD.test(line) && line.length <= 120) return { main: MAIN_WORD.test(line) };
    if (!CODE_LINE.test(line)) return undefined;
  }
  return undefined;
}

/** The CPV code a candidate number stands for in its context, or undefined when the context says it is not one. */
function cpvAt(text: string, match: RegExpExecArray): NoticeCpv | undefined {
  const code8 = match[1]!;
  if (!isCpvShaped(code8)) return undefined;
  const printedCheck = match[2];
  const checkDigitRight = printedCheck !== undefined && Number(printedCheck) === cpvCheckDigit(code8);
  const context = lineContext(text, match.index, match.index + match[0].length);
  const cpv = cpvContext(context);
  const labelAfter = tidyLabel(
    LABEL_AFTER.exec(context.after)?.[1] ?? (checkDigitRight ? LABEL_AFTER_SPACE.exec(context.after)?.[1] : undefined),
  );
  const labelPrintedBefore = labelAfter ? undefined : labelBefore(context.before);
  let accepted: boolean;
  if (cpv) accepted = true;
  else if (printedCheck !== undefined && !checkDigitRight) accepted = false;
  else if (OTHER_NUMBER_BEFORE.test(context.before)) accepted = false;
  else accepted = labelAfter !== undefined || labelPrintedBefore !== undefined;
  if (!accepted) return undefined;
  const label = labelAfter ?? labelPrintedBefore;
  return label ? { code8, label, main: cpv?.main ?? false } : { code8, main: cpv?.main ?? false };
}

/** Every CPV code the text shows with enough context, each once (labels as printed, when printed). */
export function findCpvCodesInText(pageText: string): NoticeCpv[] {
  const text = pageText.slice(0, MAX_TEXT_CHARS);
  const found: NoticeCpv[] = [];
  let examined = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    if (++examined > MAX_CANDIDATES) break;
    const cpv = cpvAt(text, match);
    if (cpv) found.push(cpv);
  }
  return mergeCpvCodes(found);
}

/**
 * The same codes as `findCpvCodesInText`, looked for in slices of `sliceMs` with `yieldToPage` in between, so that
 * the text of a huge page never holds the page's main thread for long.
 */
export async function findCpvCodesInTextInSlices(pageText: string, yieldToPage: () => Promise<void>, sliceMs = 8): Promise<NoticeCpv[]> {
  const text = pageText.slice(0, MAX_TEXT_CHARS);
  const found: NoticeCpv[] = [];
  let examined = 0;
  let deadline = performance.now() + sliceMs;
  for (const match of text.matchAll(CANDIDATE)) {
    if (++examined > MAX_CANDIDATES) break;
    const cpv = cpvAt(text, match);
    if (cpv) found.push(cpv);
    if (examined % 64 === 0 && performance.now() >= deadline) {
      await yieldToPage();
      deadline = performance.now() + sliceMs;
    }
  }
  return mergeCpvCodes(found);
}
