// The matcher's explanation of a match ("Why: …") in the interface language: the catalogue's templates read the
// English sentence's parts back out (src/core/match-reason-text.ts) and the interface's message is written with them.
import { localiseMatchReasonWith } from '../core/match-reason-text';
import { t } from './i18n';

/** The reason in the interface language, or as written when it is not one of the matcher's known sentences. */
export function localiseMatchReason(reason: string): string {
  return localiseMatchReasonWith(reason, t);
}
