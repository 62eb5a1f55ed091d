// Keeps the reading order of markup written straight into a feed's text elements (unescaped XHTML in
// <description>, Atom type="xhtml" content): such element content is wrapped in CDATA before the XML is parsed,
// because the XML-to-object step groups child elements by name and would scramble the text. On a large feed the
// wrapping can run in turns (wrapEmbeddedMarkupInTurns), as the parser does.

/** Elements whose content is text or HTML to a feed reader. */
const TEXT_ELEMENTS = new Set(['title', 'description', 'content:encoded', 'content', 'summary', 'subtitle']);

const NAME_AT = /[A-Za-z_][\w.:-]*/y;

interface Tag {
  name: string;
  kind: 'open' | 'close' | 'self-closing';
  /** Index just after the tag's ">". */
  end: number;
}

/** The construct starting at `at` (which holds "<"): a tag, or a section to pass over (comment, CDATA, PI). */
function readConstruct(xml: string, at: number): Tag | { skipTo: number } {
  const skipPast = (terminator: string, from: number) => {
    const found = xml.indexOf(terminator, from);
    return { skipTo: found < 0 ? xml.length : found + terminator.length };
  };
  if (xml.startsWith('<![CDATA[', at)) return skipPast(']]>', at + 9);
  if (xml.startsWith('<!--', at)) return skipPast('-->', at + 4);
  if (xml.startsWith('<?', at)) return skipPast('?>', at + 2);
  if (xml.startsWith('<!', at)) return skipPast('>', at + 2);
  const closing = xml[at + 1] === '/';
  NAME_AT.lastIndex = at + (closing ? 2 : 1);
  const name = NAME_AT.exec(xml)?.[0];
  if (!name) return { skipTo: at + 1 };
  // Attribute values may hold ">": step over quoted runs.
  let i = NAME_AT.lastIndex;
  while (i < xml.length && xml[i] !== '>') {
    const c = xml[i];
    if (c === '"' || c === "'") {
      const close = xml.indexOf(c, i + 1);
      i = close < 0 ? xml.length : close + 1;
    } else i++;
  }
  const end = Math.min(i + 1, xml.length);
  const kind = closing ? 'close' : xml[i - 1] === '/' ? 'self-closing' : 'open';
  return { name, kind, end };
}

/** Where the element opened just before `from` closes, and whether it holds child elements. */
function findElementEnd(xml: string, name: string, from: number): { innerEnd: number; end: number; hasChildElements: boolean } | undefined {
  let depth = 1;
  let hasChildElements = false;
  let at = xml.indexOf('<', from);
  while (at >= 0) {
    const construct = readConstruct(xml, at);
    if ('skipTo' in construct) {
      at = xml.indexOf('<', construct.skipTo);
      continue;
    }
    if (construct.name === name && construct.kind === 'open') depth++;
    if (construct.name === name && construct.kind === 'close' && --depth === 0) {
      return { innerEnd: at, end: construct.end, hasChildElements };
    }
    hasChildElements = true;
    at = xml.indexOf('<', construct.end);
  }
  return undefined;
}

function asCdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/**
 * The wrapping as steps: the generator pauses (yields) every few hundred constructs, so a caller can give the
 * worker back its turn on a large feed; its return value is the wrapped XML.
 */
function* wrapSteps(xml: string): Generator<void, string> {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let at = xml.indexOf('<');
  let steps = 0;
  while (at >= 0) {
    if (++steps % 512 === 0) yield;
    const construct = readConstruct(xml, at);
    if ('skipTo' in construct) {
      at = xml.indexOf('<', construct.skipTo);
      continue;
    }
    if (construct.kind === 'open' && TEXT_ELEMENTS.has(construct.name)) {
      const element = findElementEnd(xml, construct.name, construct.end);
      // An element that never closes: the XML is broken and its parser will say so; leave it as it is.
      if (!element) return xml;
      if (element.hasChildElements) {
        parts.push(xml.slice(copiedUpTo, construct.end), asCdata(xml.slice(construct.end, element.innerEnd)));
        copiedUpTo = element.innerEnd;
      }
      at = xml.indexOf('<', element.end);
      continue;
    }
    at = xml.indexOf('<', construct.end);
  }
  if (copiedUpTo === 0) return xml;
  parts.push(xml.slice(copiedUpTo));
  return parts.join('');
}

/** The feed's XML with the content of text elements that hold child elements wrapped in CDATA. */
export function wrapEmbeddedMarkup(xml: string): string {
  const steps = wrapSteps(xml);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same as wrapEmbeddedMarkup, giving the worker back its turn at least every `sliceMs` milliseconds. */
export async function wrapEmbeddedMarkupInTurns(xml: string, sliceMs = 8): Promise<string> {
  const steps = wrapSteps(xml);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}
