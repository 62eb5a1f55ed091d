// Keeps untrusted text (entity names, feed and alert titles) from reordering the words around it: a right-to-left
// override (U+202E) or other bidi controls in a name stay inside it. Elements use <bdi>; text substituted into a
// translated sentence is wrapped in first-strong isolates (U+2068 … U+2069), which do the same inside a string.

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** The text as an isolated run: its direction is its own and nothing in it leaks into the sentence around it. */
export function isolateBidi(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}`;
}
