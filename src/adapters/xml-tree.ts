// Reads XML notices safely and simply: refuses any document type declaration (no entity expansion, no external
// entities: XXE and "billion laughs" are impossible), then walks elements by their local name, whatever prefix
// the publisher chose. Standard DOM only, so a browser's DOMParser and linkedom in Node both serve.

/** Hard limit on a notice's size: the largest real TED notices are a few megabytes. */
export const MAX_XML_CHARS = 20_000_000;

export class UnsafeXmlError extends Error {}

/** Throws when the text declares a document type or entities, or is too large to be a notice. */
export function assertSafeXml(text: string): void {
  if (text.length > MAX_XML_CHARS) throw new UnsafeXmlError(`the XML is ${text.length} characters long, more than the ${MAX_XML_CHARS} a notice may have`);
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw new UnsafeXmlError('the XML declares a document type or entities, which notices never do; it was not read');
}

/** Parses XML with the given DOMParser after the safety check; a parse error becomes an exception. */
export function parseSafeXml(text: string, parser: { parseFromString(text: string, type: string): Document }): Document {
  assertSafeXml(text);
  const doc = parser.parseFromString(text, 'text/xml');
  const root = doc.documentElement;
  if (!root || root.tagName.toLowerCase() === 'parsererror' || doc.getElementsByTagName('parsererror').length > 0) {
    throw new UnsafeXmlError('the text is not well-formed XML');
  }
  return doc;
}

/** An element's name without its namespace prefix ("efac:LotResult" → "LotResult"). */
export function localNameOf(element: Element): string {
  const name = element.tagName;
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The child elements with a local name. */
export function children(parent: Element | null | undefined, name: string): Element[] {
  if (!parent) return [];
  return Array.from(parent.children).filter((child) => localNameOf(child) === name);
}

/** The first element down a path of child names ("ProcurementProject", "Name"), or undefined. */
export function child(parent: Element | null | undefined, ...path: string[]): Element | undefined {
  let current: Element | undefined = parent ?? undefined;
  for (const name of path) {
    current = children(current, name)[0];
    if (!current) return undefined;
  }
  return current;
}

/** Every element below (not including) a root with a local name, in document order. Iterative. */
export function descendants(root: Element | null | undefined, name: string): Element[] {
  const found: Element[] = [];
  if (!root) return found;
  const stack: Element[] = Array.from(root.children).reverse();
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (localNameOf(element) === name) found.push(element);
    const kids = element.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return found;
}

/** An element's text with its spacing evened out; '' for none. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
