// What a mark's card says, below its title: what the list says, what it means for the award and what to ask the
// supplier, the technical detail one click away (why it matched, the list's own notes, the sources), and the user's
// decision: a form to dismiss (with a reason; "everywhere" asks to confirm) or confirm a match, or, for a dismissed
// match, who dismissed it, where, when and why, with Undo. DOM calls and textContent only.
import type { Decision, DecisionReason, DecisionScope, Finding, FindingSource } from '../core/types';
import { dueDiligenceWords } from '../ui/due-diligence-text';
import { safeHttpUrl } from '../core/safe-url';
import type { FollowAction } from '../watchlists/follow-button';
import { describeDecision } from '../core/decision-words';
import { formatDate, formatDateTime, formatVersion, sourcePublisher } from '../ui/i18n';

export type Translate = (key: string, substitutions?: string[]) => string;

export interface DecisionChoice {
  scope: DecisionScope;
  reason?: DecisionReason;
  note?: string;
}

export interface MarkActions {
  dismiss?: (finding: Finding, matchedText: string, choice: DecisionChoice) => void;
  confirm?: (finding: Finding, matchedText: string, choice: DecisionChoice) => void;
  undo?: (decision: Decision) => void;
  /** Follows the listed supplier into a watchlist. */
  follow?: FollowAction;
  /** Hides every grey "nothing listed" mark (a setting, offered from a grey mark's card). */
  hideChecked?: () => void;
}

export interface CardBody {
  lines: string[];
  sources: FindingSource[];
  finding?: Finding;
  matchedText: string;
}

export const REASONS: readonly DecisionReason[] = ['different-company', 'different-country', 'already-checked', 'other'];
const SCOPES: readonly DecisionScope[] = ['page', 'site', 'everywhere'];

export function appendCardBody(card: HTMLElement, body: CardBody, t: Translate, actions: MarkActions): void {
  const { finding } = body;
  if (finding?.listedName) card.append(el('p', 'card-listed', t('markListedAs', [finding.listedName])));
  if (finding?.decision) card.append(decisionBlock(finding.decision, t, actions));
  for (const line of body.lines) card.append(el('p', 'card-line', line));
  if (finding) {
    const guidance = dueDiligenceWords(finding.concern);
    card.append(el('p', 'card-heading', t('markForTheAward')), el('p', 'card-line', guidance.forTheAward));
    card.append(el('p', 'card-heading', t('markAskTheSupplier')));
    const questions = el('ul', 'questions');
    for (const q of guidance.askTheSupplier) questions.append(el('li', '', q));
    card.append(questions);
  }
  if (finding || body.sources.length) card.append(technicalDetails(body, t));
  card.append(el('p', 'card-note', t('noInformationIsNotNoRisk')));
  if (finding?.entityId && !finding.decision && (actions.dismiss || actions.confirm)) card.append(decisionForm(finding, body.matchedText, t, actions));
}

/** Why it matched, the list's own notes and the sources, behind one click. */
function technicalDetails(body: CardBody, t: Translate): HTMLElement {
  const details = el('details', 'technical');
  details.append(el('summary', '', t('markTechnical')));
  const finding = body.finding;
  if (finding) details.append(el('p', 'card-line', t('markWhy', [finding.reason])));
  for (const note of new Set(finding?.flags.map((f) => f.note).filter((n): n is string => !!n) ?? [])) details.append(el('p', 'card-line', note));
  if (body.sources.length) {
    details.append(el('p', 'card-heading', t('markSources')));
    const list = el('ul', 'sources');
    for (const source of body.sources) list.append(sourceItem(source, t));
    details.append(list);
  }
  return details;
}

function sourceItem(source: FindingSource, t: Translate): HTMLElement {
  const item = el('li');
  const label = `${source.title} (${sourcePublisher(source)}), ${t('markEdition', [formatVersion(source.version)])}${source.date ? `, ${formatDate(source.date)}` : ''}`;
  const safeUrl = safeHttpUrl(source.url);
  if (safeUrl) {
    const link = el('a', '', label);
    link.href = safeUrl;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    item.append(link);
  } else {
    item.append(label);
  }
  if (source.partial) item.append(el('span', 'partial', ` ${t('sourcePartial')}`));
  return item;
}

/** "Dismissed by you on this page, 3 Dec 2026, 11:20: a different company. “Checked the address.”" with Undo. */
function decisionBlock(decision: Decision, t: Translate, actions: MarkActions): HTMLElement {
  const block = el('div', 'decision');
  block.append(el('p', 'card-line', describeDecision(decision, t, formatDateTime)));
  if (actions.undo) block.append(actionButton(t('actionUndo'), () => actions.undo?.(decision)));
  return block;
}

let nextFormId = 0;

function decisionForm(finding: Finding, matchedText: string, t: Translate, actions: MarkActions): HTMLElement {
  const id = `tenderlens-decision-${nextFormId++}`;
  const form = el('form', 'decide');
  form.setAttribute('aria-label', t('decisionFormLabel'));
  const scopes = el('fieldset', 'scopes');
  scopes.append(el('legend', '', t('decisionWhere')));
  for (const scope of SCOPES) {
    const label = el('label');
    const radio = el('input');
    radio.type = 'radio';
    radio.name = `${id}-scope`;
    radio.value = scope;
    radio.checked = scope === 'page';
    label.append(radio, ` ${t(`scope_${scope}`)}`);
    scopes.append(label);
  }
  const reasonLabel = el('label', 'field', t('decisionWhy'));
  const reason = el('select');
  for (const r of REASONS) {
    const option = el('option', '', t(`reason_${r.replace(/-/g, '_')}`));
    option.value = r;
    reason.append(option);
  }
  reasonLabel.append(reason);
  const noteLabel = el('label', 'field', t('decisionNote'));
  const note = el('input');
  note.type = 'text';
  note.maxLength = 500;
  noteLabel.append(note);
  const sureLabel = el('label', 'field sure');
  const sure = el('input');
  sure.type = 'checkbox';
  sureLabel.append(sure, ` ${t('decisionSureEverywhere')}`);
  sureLabel.hidden = true;
  const problem = el('p', 'problem');
  problem.setAttribute('role', 'alert');

  const scope = (): DecisionScope => (form.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value as DecisionScope) ?? 'page';
  scopes.addEventListener('change', () => {
    sureLabel.hidden = scope() !== 'everywhere';
    problem.textContent = '';
  });
  const choice = (): DecisionChoice => ({ scope: scope(), reason: reason.value as DecisionReason, ...(note.value.trim() ? { note: note.value.trim() } : {}) });

  const row = el('div', 'actions');
  if (actions.dismiss) {
    row.append(
      actionButton(t('actionDismiss'), () => {
        if (scope() === 'everywhere' && !sure.checked) {
          problem.textContent = t('decisionConfirmEverywhere');
          sure.focus();
          return;
        }
        actions.dismiss?.(finding, matchedText, choice());
      }),
    );
  }
  if (actions.confirm && finding.severity === 'review') {
    row.append(actionButton(t('actionConfirm'), () => actions.confirm?.(finding, matchedText, { scope: scope(), ...(note.value.trim() ? { note: note.value.trim() } : {}) })));
  }
  form.addEventListener('submit', (event) => event.preventDefault());
  form.append(el('p', 'card-heading', t('decisionHeading')), scopes, reasonLabel, noteLabel, sureLabel, problem, row);
  return form;
}

export function actionButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = el('button', 'action', label);
  button.type = 'button';
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    onClick();
  });
  return button;
}

/** An element with a class and text, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
