// `tenderlens inspect` on notice data rather than a page: TED XML, OCDS JSON or a SAM.gov record, read by the same
// readers as the extension's (src/adapters/machine-readable.ts); what is not one of them gets a specific error.
import { DOMParser } from 'linkedom';
import { NotNoticeDataError, readNoticeData, type DataReading } from '../adapters/machine-readable';
import { UnsafeXmlError } from '../adapters/xml-tree';
import { InputError } from './cli-io';

export { looksLikeData } from '../adapters/machine-readable';

export function readNoticeDataInput(text: string, source: string, url: string): DataReading {
  try {
    return readNoticeData(text, new DOMParser() as unknown as { parseFromString(text: string, type: string): Document }, URL.canParse(url) ? new URL(url) : undefined);
  } catch (error) {
    if (error instanceof NotNoticeDataError || error instanceof UnsafeXmlError) throw new InputError(`${source}: ${error.message}`);
    throw error;
  }
}
