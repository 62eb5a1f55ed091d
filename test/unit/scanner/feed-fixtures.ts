// Test helper: the saved feeds of test/fixtures/rss as bytes, decoded and parsed the way the scanner reads them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeFeed } from '@/src/scanner/decode-feed';
import { parseFeed, type ParsedFeed } from '@/src/scanner/parse-feed';

export const RSS_FIXTURES = fileURLToPath(new URL('../../fixtures/rss/', import.meta.url));

export function feedBytes(name: string): Uint8Array {
  return readFileSync(`${RSS_FIXTURES}${name}`);
}

export function parseFixture(name: string): Promise<ParsedFeed> {
  return parseFeed(decodeFeed(feedBytes(name)).text, { source: name });
}
