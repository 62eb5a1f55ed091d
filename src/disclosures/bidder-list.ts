// A list of bidders as people write one: a text with one name a line (# starts a comment), or a CSV whose
// "bidder" (or "name", "supplier"… in six languages) column, else its first column, holds the names. Pure.
import Papa from 'papaparse';
import { decodeText } from './decode-text';
import type { BidderInput } from './check-bidders';

const BIDDER_HEADERS = new Set(['bidder', 'bidders', 'name', 'supplier', 'company', 'tenderer', 'soumissionnaire', 'inschrijver', 'bieter', 'licitador', 'anbudsgivare']);

export function parseBidderList(text: string, asCsv: boolean): BidderInput[] {
  let names: string[];
  if (asCsv) {
    const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
    const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const column = header.findIndex((h) => BIDDER_HEADERS.has(h));
    names = (column >= 0 ? rows.slice(1) : rows).map((r) => r[Math.max(column, 0)] ?? '');
  } else {
    names = text.split(/\r?\n/).filter((l) => !l.trim().startsWith('#'));
  }
  return [...new Set(names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean))].map((name) => ({ name }));
}

export function readBidderFile(fileName: string, bytes: Uint8Array): BidderInput[] {
  return parseBidderList(decodeText(bytes).text, /\.csv$/i.test(fileName));
}
