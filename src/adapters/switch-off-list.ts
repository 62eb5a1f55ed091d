// The list of portal readers that maintainers have switched off, so that a portal redesign that breaks a reader can
// be answered without a release: the reader is passed over and its pages are read by the generic reader. Pure: it
// validates a downloaded list (hostile until checked) and says which readers are off at a given time.

export const SWITCH_OFF_FORMAT = 'tenderlens-adapter-switches';

export interface SwitchedOffAdapter {
  /** The reader's id ("ted", "sam-gov"). */
  adapter: string;
  /** Why, in maintainers' words (shown on the options page). */
  reason: string;
  /** ISO date-time after which the reader is on again, when the switch is temporary. */
  until?: string;
}

export interface SwitchOffList {
  format: typeof SWITCH_OFF_FORMAT;
  version: 1;
  /** ISO date-time the list was last changed. */
  updated: string;
  off: SwitchedOffAdapter[];
}

export class SwitchOffListError extends Error {}

const MAX_ENTRIES = 100;
const isIsoDate = (text: unknown): text is string => typeof text === 'string' && text.length <= 40 && !Number.isNaN(Date.parse(text)) && /^\d{4}-\d{2}-\d{2}/.test(text);

/**
 * Checks a downloaded list and returns it clean. Throws SwitchOffListError naming the field and what was expected.
 * Unknown reader ids are an error too: a typo must not pass silently as "nothing switched off".
 */
export function validateSwitchOffList(value: unknown, knownAdapterIds: readonly string[]): SwitchOffList {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SwitchOffListError('the list is not a JSON object');
  const list = value as Record<string, unknown>;
  if (list.format !== SWITCH_OFF_FORMAT) throw new SwitchOffListError(`"format": expected "${SWITCH_OFF_FORMAT}", got ${JSON.stringify(list.format)}`);
  if (list.version !== 1) throw new SwitchOffListError(`"version": expected 1, got ${JSON.stringify(list.version)}`);
  if (!isIsoDate(list.updated)) throw new SwitchOffListError(`"updated": expected an ISO date, got ${JSON.stringify(list.updated)}`);
  if (!Array.isArray(list.off)) throw new SwitchOffListError('"off": expected a list of switched-off readers');
  if (list.off.length > MAX_ENTRIES) throw new SwitchOffListError(`"off": ${list.off.length} entries, more than the ${MAX_ENTRIES} allowed`);
  const off = list.off.map((entry: unknown, i): SwitchedOffAdapter => {
    const where = `"off"[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw new SwitchOffListError(`${where}: expected an object`);
    const e = entry as Record<string, unknown>;
    if (typeof e.adapter !== 'string' || !knownAdapterIds.includes(e.adapter)) {
      throw new SwitchOffListError(`${where}.adapter: expected one of ${knownAdapterIds.join(', ')}, got ${JSON.stringify(e.adapter)}`);
    }
    if (typeof e.reason !== 'string' || e.reason.trim() === '' || e.reason.length > 500) throw new SwitchOffListError(`${where}.reason: expected a short text`);
    if (e.until !== undefined && !isIsoDate(e.until)) throw new SwitchOffListError(`${where}.until: expected an ISO date, got ${JSON.stringify(e.until)}`);
    return { adapter: e.adapter, reason: e.reason.replace(/[\u0000-\u001f\u007f]/g, ' ').trim(), ...(e.until ? { until: e.until as string } : {}) };
  });
  return { format: SWITCH_OFF_FORMAT, version: 1, updated: list.updated, off };
}

/** The readers that are off at `now` (a temporary switch ends at its `until`). */
export function switchedOffAt(list: SwitchOffList, now: Date): Set<string> {
  return new Set(list.off.filter((e) => !e.until || Date.parse(e.until) > now.getTime()).map((e) => e.adapter));
}
