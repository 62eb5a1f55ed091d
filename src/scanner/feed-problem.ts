// The problems a feed read can run into that deserve words of their own: a code the extension pages translate
// (message key `feedProblem_<code>`, with the arguments as substitutions) and the English sentence the CLI prints
// and the knowledge base keeps as the last error. Everything else is described by the error that occurred.

export type FeedProblemCode =
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'redirect-scheme'
  | 'redirect-host'
  | 'redirect-unfollowable'
  | 'interrupted'
  | 'disk-full'
  | 'no-channel'
  | 'empty-channel'
  | 'item-outside-channel'
  | 'too-deep'
  | 'entity-declarations';

export interface FeedProblem {
  code: FeedProblemCode;
  /** The substitutions of the translated message, in order ($1, $2, …). */
  args: string[];
}

const ENGLISH: Record<FeedProblemCode, (args: readonly string[]) => string> = {
  'redirect-loop': ([at]) => `the feed's address redirects in a loop (back to ${at})`,
  'too-many-redirects': ([count]) => `the feed's address redirects more than ${count} times; refused`,
  'redirect-scheme': ([scheme]) => `the feed's address redirects to a ${scheme} address, which is not a web feed; refused`,
  'redirect-host': ([host]) => `the feed's address redirects to ${host}, a site you have not allowed TenderLens to read; nothing was read from it (subscribe to the new address to allow it)`,
  'redirect-unfollowable': () =>
    "the feed's address redirects, and the redirect cannot be followed: a loop, too many redirects, or an address that is not a web feed (file:, data:, javascript:)",
  interrupted: ([since]) => `the browser stopped TenderLens while it was reading this feed (at ${since}); it will be read again`,
  'disk-full': () => 'there is no room left to store data: free some disk space (or browser storage) and try again; nothing was changed',
  'no-channel': () => 'the RSS feed has no <channel> element, so it has no items',
  'empty-channel': () => 'the RSS feed\'s <channel> is empty: no title and no items',
  'item-outside-channel': ([line]) => `an <item> stands outside <channel> (line ${line}); RSS items belong inside <channel>`,
  'too-deep': ([depth, line]) => `elements are nested more than ${depth} deep (line ${line}); no real feed does that, so it is refused`,
  'entity-declarations': () => 'the feed declares its own XML entities (<!ENTITY>), which TenderLens never expands; refused',
};

export function describeFeedProblem(problem: FeedProblem): string {
  return ENGLISH[problem.code](problem.args);
}

/** The problem an error carries, if it is one of those above. */
export function feedProblemOf(error: unknown): FeedProblem | undefined {
  const problem = (error as { problem?: FeedProblem } | undefined)?.problem;
  return problem && problem.code in ENGLISH ? problem : undefined;
}
