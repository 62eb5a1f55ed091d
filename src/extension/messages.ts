// The typed messages between the content script, the extension pages and the background.
// Every request names its type; every reply is plain data (structured-clone safe).
import type { Decision, NoticeReading, PageAnalysis, Source } from '../core/types';
import { browser } from './browser';

export interface SourceStatus extends Source {
  rows: number;
}

export type Request =
  | { type: 'analyse-page'; url: string; text: string; reading: NoticeReading }
  | { type: 'get-tab-analysis'; tabId: number }
  | { type: 'record-decision'; decision: Omit<Decision, 'id' | 'decidedAt'>; tabId?: number }
  | { type: 'remove-decision'; id: string }
  | { type: 'list-decisions' }
  | { type: 'knowledge-status' };

export interface Replies {
  'analyse-page': PageAnalysis;
  'get-tab-analysis': PageAnalysis | null;
  'record-decision': Decision;
  'remove-decision': true;
  'list-decisions': Decision[];
  'knowledge-status': { sources: SourceStatus[]; revision: number; entities: number; flags: number; cpv: number };
}

export type Reply<R extends Request> = Replies[R['type']];

/** Errors cross the message boundary as data, so the sender sees the real message, not a closed port. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

export async function sendToBackground<R extends Request>(request: R): Promise<Reply<R>> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<Reply<R>> | undefined;
  if (!envelope) throw new Error(`No reply from the TenderLens background to "${request.type}".`);
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}

/** Tells an open content script that the user decided on a match, so it re-annotates. */
export interface ContentNotice {
  type: 'tenderlens-reannotate';
}
