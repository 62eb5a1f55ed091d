// Checks a feed's XML structure in one linear pass before it reaches the XML parser, whose element stack costs
// quadratic time on deep nesting: finds nesting deeper than a bound, declared entities (XXE, entity expansion),
// an RSS feed without a <channel>, with an empty one, or with items outside it. Comments, CDATA sections,
// processing instructions and the doctype are skipped; nothing here builds a tree.
import type { FeedFormat } from './parse-feed';
import type { FeedProblem } from './feed-problem';

/** Real feeds nest a few levels (an XHTML summary a few more); far beyond this is an attack or a broken file. */
export const MAX_FEED_DEPTH = 256;

function lineAt(text: string, index: number): string {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return String(line);
}

/**
 * The structural problems of a feed's text. `parser`: what the XML parser must never be given (nesting past the
 * bound, declared entities). `channel`: what is wrong with the RSS <channel>; it is only meaningful when the XML is
 * well-formed (in broken XML an unclosed tag makes a later item look outside the channel).
 */
export interface FeedStructure {
  parser?: FeedProblem;
  channel?: FeedProblem;
}

export function feedStructureProblems(text: string, format: FeedFormat, maxDepth = MAX_FEED_DEPTH): FeedStructure {
  const found: FeedStructure = {};
  const channelProblem = (problem: FeedProblem) => void (found.channel ??= problem);
  let depth = 0;
  let channelDepth = -1; // the depth inside <channel>, while in it
  let channels = 0;
  let channelHasContent = false;
  let i = text.indexOf('<');
  while (i !== -1) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) i = endOf(text, '-->', i + 4);
      else if (text.startsWith('<![CDATA[', i)) {
        if (channelDepth >= 0) channelHasContent = true;
        i = endOf(text, ']]>', i + 9);
      } else {
        const end = doctypeEnd(text, i);
        if (/<!ENTITY/i.test(text.slice(i, end === -1 ? undefined : end))) return { ...found, parser: { code: 'entity-declarations', args: [] } };
        i = end;
      }
    } else if (next === 0x3f /* ? */) {
      i = endOf(text, '?>', i + 2);
    } else {
      const close = text.indexOf('>', i + 1);
      if (close === -1) break; // the parser reports the broken end
      const isEnd = next === 0x2f; /* / */
      const selfClosing = text.charCodeAt(close - 1) === 0x2f;
      const name = /^\/?([^\s/>]+)/.exec(text.slice(i + 1, Math.min(close, i + 80)))?.[1] ?? '';
      if (isEnd) {
        depth--;
        if (channelDepth >= 0 && depth < channelDepth) {
          channelDepth = -1;
          if (!channelHasContent) channelProblem({ code: 'empty-channel', args: [] });
        }
      } else {
        if (channelDepth >= 0) channelHasContent = true;
        if (format === 'rss' && name === 'item' && channelDepth < 0 && !found.channel) channelProblem({ code: 'item-outside-channel', args: [lineAt(text, i)] });
        if (format === 'rss' && name === 'channel') {
          channels++;
          if (selfClosing) channelProblem({ code: 'empty-channel', args: [] });
          channelDepth = depth + 1;
          channelHasContent = false;
        }
        if (!selfClosing) {
          depth++;
          if (depth > maxDepth) return { ...found, parser: { code: 'too-deep', args: [String(maxDepth), lineAt(text, i)] } };
        }
      }
      i = close + 1;
    }
    if (i === -1) break;
    if (channelDepth >= 0 && !channelHasContent) {
      const textEnd = text.indexOf('<', i);
      if (text.slice(i, textEnd === -1 ? undefined : textEnd).trim()) channelHasContent = true;
    }
    i = text.indexOf('<', i);
  }
  if (format === 'rss' && channels === 0) channelProblem({ code: 'no-channel', args: [] });
  return found;
}

function endOf(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

/** The end of a <!DOCTYPE …> or other declaration, past an internal subset in brackets. */
function doctypeEnd(text: string, start: number): number {
  const bracket = text.indexOf('[', start);
  const close = text.indexOf('>', start);
  if (close === -1) return -1;
  if (bracket !== -1 && bracket < close) {
    const subsetEnd = text.indexOf(']', bracket);
    return subsetEnd === -1 ? -1 : endOf(text, '>', subsetEnd);
  }
  return close + 1;
}
