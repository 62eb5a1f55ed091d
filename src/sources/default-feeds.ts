// Monitor and NGO feeds the options page offers to switch on (none is on by default: each needs its site's
// permission). The same rows as src/data/sources/ngo-feeds/ngo_feed_url_candidates.csv (a test keeps them equal);
// the addresses are unchecked candidates.
export interface SuggestedFeed {
  organisation: string;
  url: string;
  note?: string;
}

export const SUGGESTED_FEEDS: readonly SuggestedFeed[] = [
  { organisation: 'Human Rights Watch', url: 'https://www.hrw.org/rss/news' },
  { organisation: 'Amnesty International', url: 'https://www.amnesty.org/en/feed/' },
  { organisation: 'Business & Human Rights Resource Centre', url: 'https://www.business-humanrights.org/en/rss/', note: 'other forms of this address are in use' },
  { organisation: 'Global Witness', url: 'https://www.globalwitness.org/en/feed/' },
  { organisation: 'ReliefWeb updates', url: 'https://reliefweb.int/updates/rss.xml' },
  { organisation: 'FIDH', url: 'https://www.fidh.org/en/rss' },
  { organisation: 'Federal Register (search: forced labor)', url: 'https://www.federalregister.gov/api/v1/documents.rss?conditions[term]=forced+labor' },
];
