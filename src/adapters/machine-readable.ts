// Reads a notice given as data rather than as a page — TED XML (eForms or R2.0.9), OCDS JSON (release, release or
// record package), a SAM.gov opportunity record or a TED search response — and writes the reading out as plain
// text, so that the same analysis as for a page (name matching, identifiers, CPV categories) runs over it.
import type { NoticeReading } from '../core/types';
import { readOcds } from './ocds';
import { isSamRecord, readSamRecord } from './sam-record';
import { isTedNoticeRoot, readTedXml } from './ted-xml';
import { isTedSearchResponse, readTedSearchResponse } from './ted-search';
import { parseSafeXml } from './xml-tree';

export type DataFormat = 'ted-xml' | 'ted-search' | 'ocds' | 'sam-gov';

export interface DataReading {
  format: DataFormat;
  reading: NoticeReading;
  /** The reading as lines of text: what the matcher and the CPV anchors run over. */
  text: string;
}

export class NotNoticeDataError extends Error {}

type XmlParser = { parseFromString(text: string, type: string): Document };

/** A TED notice's root element, written without an XML declaration. */
const TED_ROOT = /^<(?:[\w-]+:)?(?:TED_EXPORT|ContractNotice|ContractAwardNotice|PriorInformationNotice)[\s>]/;

/** True when a text starts like XML or JSON (after a byte-order mark and spaces), not like an HTML page. */
export function looksLikeData(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return true;
  if (TED_ROOT.test(start)) return true;
  return start.startsWith('<?xml') && !/^<\?xml[^>]*>\s*<(?:!DOCTYPE\s+)?html/i.test(start);
}

/** Reads notice data; throws NotNoticeDataError saying what was expected when the text is none of the formats. */
export function readNoticeData(text: string, xmlParser: XmlParser, pageUrl?: URL): DataReading {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) {
    const doc = parseSafeXml(start, xmlParser);
    if (!isTedNoticeRoot(doc.documentElement)) {
      throw new NotNoticeDataError(`is XML with root <${doc.documentElement.tagName}>, not a TED notice (eForms or TED_EXPORT R2.0.9)`);
    }
    return withText('ted-xml', readTedXml(doc));
  }
  let value: unknown;
  try {
    value = JSON.parse(start);
  } catch (error) {
    throw new NotNoticeDataError(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const ocds = readOcds(value);
  if (ocds) return withText('ocds', ocds);
  if (isSamRecord(value)) return withText('sam-gov', readSamRecord(value, pageUrl));
  if (isTedSearchResponse(value)) return withText('ted-search', readTedSearchResponse(value));
  throw new NotNoticeDataError('is JSON but neither OCDS (a release, or a package with "releases" or "records"), a SAM.gov opportunity record nor a TED search response');
}

function withText(format: DataFormat, reading: NoticeReading): DataReading {
  return { format, reading, text: readingAsText(reading) };
}

/** The reading's names, codes and identifiers, one per line, as a page would print them. */
export function readingAsText(reading: NoticeReading): string {
  const lines: string[] = [];
  if (reading.title) lines.push(reading.title);
  if (reading.noticeType) lines.push(reading.noticeType);
  if (reading.buyer) lines.push(reading.buyer.name);
  for (const cpv of reading.cpv) lines.push(cpv.label ? `${cpv.code8} - ${cpv.label}` : cpv.code8);
  for (const c of reading.classifications ?? []) lines.push(`${c.scheme.toUpperCase()} ${c.code}${c.label ? ` - ${c.label}` : ''}`);
  for (const party of reading.suppliers) {
    lines.push(party.name);
    for (const id of party.identifiers) lines.push(`${id.scheme.toUpperCase()}: ${id.value}`);
  }
  for (const notice of reading.listedNotices ?? []) lines.push([notice.number, notice.published, notice.title].filter(Boolean).join(' '));
  return lines.join('\n');
}
