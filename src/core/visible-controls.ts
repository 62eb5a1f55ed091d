// Untrusted text made harmless to show: control characters (escape sequences, NUL, carriage returns, C1 controls)
// and the invisible characters that reorder text (bidirectional overrides and isolates, such as U+202E) are written
// as visible \uXXXX escapes. Line breaks and tabs stay. Applied to everything the CLI writes (in JSON output an
// escape means the same character, so JSON stays valid and unchanged in meaning), and to what the interface quotes
// from a user's file (an import's problems).

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional formatting characters. */
const HARMFUL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every harmful character written as a visible \uXXXX escape. */
export function visibleControls(text: string): string {
  return text.replace(HARMFUL, escape);
}
