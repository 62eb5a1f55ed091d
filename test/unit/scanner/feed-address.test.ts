// Feed addresses typed by the user: absolute http(s) only, with a specific reason for anything else.
import { describe, expect, it } from 'vitest';
import { checkFeedAddress, describeFeedAddressProblem, feedHostPermission, feedSourceId } from '@/src/scanner/feed-address';

describe('checking a feed address', () => {
  it('accepts http and https addresses, trimmed and without their fragment', () => {
    expect(checkFeedAddress('  https://www.example.org/feed.xml  ')).toEqual({ ok: true, url: 'https://www.example.org/feed.xml' });
    expect(checkFeedAddress('http://127.0.0.1:8080/alerts.rss#top')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/alerts.rss' });
    expect(checkFeedAddress('HTTPS://Example.ORG/Feed?lang=en')).toEqual({ ok: true, url: 'https://example.org/Feed?lang=en' });
  });

  it('says what is wrong with anything else', () => {
    expect(checkFeedAddress('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkFeedAddress('example.org/feed.xml')).toEqual({ ok: false, problem: 'no-scheme' });
    expect(checkFeedAddress('www.example.org')).toEqual({ ok: false, problem: 'no-scheme' });
    expect(checkFeedAddress('localhost:8080/feed.rss')).toEqual({ ok: false, problem: 'no-scheme' });
    expect(checkFeedAddress('127.0.0.1/feed.rss')).toEqual({ ok: false, problem: 'no-scheme' });
    expect(checkFeedAddress('javascript:alert(1)')).toEqual({ ok: false, problem: 'not-http', scheme: 'javascript' });
    expect(checkFeedAddress('file:///etc/passwd')).toEqual({ ok: false, problem: 'not-http', scheme: 'file' });
    expect(checkFeedAddress('ftp://example.org/feed')).toEqual({ ok: false, problem: 'not-http', scheme: 'ftp' });
    expect(checkFeedAddress('feed news')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkFeedAddress('https://user:secret@example.org/feed')).toEqual({ ok: false, problem: 'credentials' });
  });

  it('explains a problem in words for errors raised in the background', () => {
    const check = checkFeedAddress('data:text/xml,<rss/>');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(describeFeedAddressProblem('data:text/xml,<rss/>', check)).toBe('"data:text/xml,<rss/>": only http and https feeds can be read, not data.');
  });
});

describe('what a subscription is named and needs', () => {
  it('its source id is its address; its permission covers its host for its scheme, any port', () => {
    expect(feedSourceId('https://example.org/feed.xml')).toBe('feed:https://example.org/feed.xml');
    expect(feedHostPermission('https://news.example.org/a/feed.xml')).toBe('https://news.example.org/*');
    expect(feedHostPermission('http://127.0.0.1:8123/feed.rss')).toBe('http://127.0.0.1/*');
  });
});
