// An error the user reads: it names its interface message (a catalogue key and its substitutions), so a page can
// show it in the user's language, and keeps the English text as its message for logs, the CLI and tests.
export class LocalisedError extends Error {
  constructor(
    readonly key: string,
    readonly substitutions: string[],
    english: string,
  ) {
    super(english);
    this.name = 'LocalisedError';
  }
}
