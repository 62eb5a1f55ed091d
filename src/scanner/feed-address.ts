// Checks a feed address typed by the user before it becomes a subscription: an absolute http(s) address without
// credentials. Also derives the subscription's source id and the host permission the browser must grant to read it.

export type FeedAddressProblem = 'empty' | 'no-scheme' | 'not-http' | 'invalid' | 'credentials';

export type FeedAddressCheck = { ok: true; url: string } | { ok: false; problem: FeedAddressProblem; scheme?: string };

/** "example.org/feed", "localhost:8080/feed", "127.0.0.1/feed": a host and maybe a path, typed without a scheme. */
const LOOKS_LIKE_HOST = /^(?:localhost|(?:[a-z0-9-]+\.)+(?:[a-z]{2,}|\d+))(?::\d+)?(?:[/?#]|$)/i;

export function checkFeedAddress(input: string): FeedAddressCheck {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (LOOKS_LIKE_HOST.test(text)) return { ok: false, problem: 'no-scheme' };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, problem: 'not-http', scheme: parsed.protocol.replace(/:$/, '') };
  if (!parsed.hostname) return { ok: false, problem: 'invalid' };
  // A password in a stored address would sit in plain text in the knowledge base.
  if (parsed.username || parsed.password) return { ok: false, problem: 'credentials' };
  parsed.hash = '';
  return { ok: true, url: parsed.href };
}

/** A short English explanation, for errors raised outside the extension pages (which show localised ones). */
export function describeFeedAddressProblem(input: string, check: Extract<FeedAddressCheck, { ok: false }>): string {
  const reasons: Record<FeedAddressProblem, string> = {
    empty: 'no address given',
    'no-scheme': 'start the address with https:// or http://',
    'not-http': `only http and https feeds can be read, not ${check.scheme ?? 'this kind of address'}`,
    invalid: 'not a web address',
    credentials: 'addresses with a user name or password are not accepted',
  };
  return `"${input.trim()}": ${reasons[check.problem]}.`;
}

/** The id of the source a subscribed feed's alerts belong to. */
export function feedSourceId(url: string): string {
  return `feed:${url}`;
}

/** The match pattern of the host permission a feed needs: every path on its host, for its scheme. */
export function feedHostPermission(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}
