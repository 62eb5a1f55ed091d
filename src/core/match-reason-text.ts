// The matcher's explanation of a match ("Why: …") in any catalogue's language, with the translator given. The
// matcher writes it in English for the CLI and the evaluation; its sentences are the English catalogue's
// `matchHead…`, `matchWhy_…`, `matchPart_…` and `matchIdentifier_…` messages, so the English templates read the
// quoted parts back out and the same message in the wanted language is written with them. A sentence no template
// knows is given back as the matcher wrote it. Pure.
import english from '../../public/_locales/en/messages.json';

export type MessageTranslate = (key: string, substitutions?: string[]) => string;

type Catalogue = Record<string, { message: string }>;

interface Template {
  key: string;
  /** The message's fixed parts: a reason lacking one of them is not tried against the pattern. */
  literals: string[];
  /** The pattern's source, made into a RegExp the first time a reason has all the fixed parts. */
  source: string;
  pattern?: RegExp;
  /** The placeholder number ($1 = 1) each capture group holds. */
  slots: number[];
}

const catalogue = english as Catalogue;

let templates: { sentences: Template[]; heads: Template[]; whys: Template[] } | undefined;

function compile(key: string, anchored: 'whole' | 'why'): Template {
  const message = catalogue[key]!.message;
  const slots: number[] = [];
  const literals: string[] = [];
  const body = message
    .split(/\$(\d)/)
    .map((part, i) => {
      if (i % 2 === 1) {
        slots.push(Number(part));
        return '(.+?)';
      }
      if (part) literals.push(part);
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  // A why ends a reason: "<head>; <why>."
  const source = anchored === 'whole' ? `^${body}$` : `^(.+); ${body}\\.$`;
  if (anchored === 'why') literals.push('; ');
  return { key, literals, source, slots };
}

/** The catalogue's kinds of reason message, by key prefix. */
const KINDS = ['matchPart_', 'matchIdentifier_', 'matchHeadForm_', 'matchHead_', 'matchWhy_'] as const;

function allTemplates() {
  if (templates) return templates;
  // One pass over the catalogue's keys, each kind in catalogue order.
  const byKind = new Map<(typeof KINDS)[number], Template[]>(KINDS.map((kind) => [kind, []]));
  for (const key of Object.keys(catalogue)) {
    const kind = KINDS.find((prefix) => key.startsWith(prefix));
    if (kind) byKind.get(kind)!.push(compile(key, kind === 'matchWhy_' ? 'why' : 'whole'));
  }
  const of = (kind: (typeof KINDS)[number]) => byKind.get(kind)!;
  // Parts before identifiers, head forms before heads.
  templates = { sentences: [...of('matchPart_'), ...of('matchIdentifier_')], heads: [...of('matchHeadForm_'), ...of('matchHead_')], whys: of('matchWhy_') };
  return templates;
}

/** The template's groups in `text`, or null; the cheap test on its fixed parts spares most patterns a run. */
function execTemplate(template: Template, text: string): RegExpExecArray | null {
  if (!template.literals.every((literal) => text.includes(literal))) return null;
  template.pattern ??= new RegExp(template.source, 's');
  return template.pattern.exec(text);
}

function substitutions(template: Template, groups: string[]): string[] {
  const out: string[] = [];
  template.slots.forEach((slot, i) => (out[slot - 1] = groups[i] ?? ''));
  return out;
}

/** The reason in the translator's language, or as written when it is not one of the matcher's known sentences. */
export function localiseMatchReasonWith(reason: string, t: MessageTranslate): string {
  const { sentences, heads, whys } = allTemplates();
  for (const template of sentences) {
    const m = execTemplate(template, reason);
    if (m) return t(template.key, substitutions(template, m.slice(1)));
  }
  for (const why of whys) {
    const m = execTemplate(why, reason);
    if (!m) continue;
    const [head, ...whyGroups] = m.slice(1);
    for (const template of heads) {
      const h = execTemplate(template, head!);
      if (h) return t('matchReason', [t(template.key, substitutions(template, h.slice(1))), t(why.key, substitutions(why, whyGroups))]);
    }
  }
  return reason;
}
