// One in-page mark: a small pill in its own shadow root beside the text it is about, opening a card with
// the evidence (sources, dates, why it matched) and the user's choices. Built with DOM calls and textContent
// only: nothing from the knowledge base or the page is ever parsed as HTML.
import type { Finding, FindingSource } from '../core/types';
import { markStyles } from './mark-styles';
import { safeHttpUrl } from '../core/safe-url';
import { followButton, type FollowAction } from '../watchlists/follow-button';
import { wireCard } from './card-controller';
import { formatDate, formatVersion, sourcePublisher } from '../ui/i18n';

export type MarkTone = 'flag' | 'review' | 'category' | 'checked';

export interface MarkContent {
  tone: MarkTone;
  pill: string;
  ariaLabel: string;
  title: string;
  lines: string[];
  sources: FindingSource[];
  finding?: Finding;
  /** The page text this mark is about; a decision taken from the mark applies to it. */
  matchedText?: string;
}

export interface MarkActions {
  dismiss?: (finding: Finding, matchedText: string, scope: 'page' | 'site' | 'everywhere') => void;
  confirm?: (finding: Finding, matchedText: string) => void;
  follow?: FollowAction;
  /** Hides every grey "nothing listed" mark (a setting, offered from a grey mark's card). */
  hideChecked?: () => void;
}

export type Translate = (key: string, substitutions?: string[]) => string;

export const MARK_TAG = 'tenderlens-mark';

let nextCardId = 0;

export function createMark(content: MarkContent, t: Translate, actions: MarkActions): HTMLElement {
  const host = document.createElement(MARK_TAG);
  host.setAttribute('data-tenderlens', content.tone);
  // Inline, so that no page rule reaches the host; everything else is styled inside the shadow root.
  host.style.cssText = 'all: initial; display: inline-block; position: relative; vertical-align: baseline; margin-left: 0.35em; max-width: 100%;';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = markStyles;
  root.append(style);

  const cardId = `tenderlens-card-${nextCardId++}`;
  const pill = el('button', `pill ${content.tone}`, content.pill);
  pill.type = 'button';
  // The accessible name starts with the visible text (WCAG 2.5.3), then says more.
  pill.setAttribute('aria-label', content.ariaLabel.includes(content.pill) ? content.ariaLabel : `${content.pill}. ${content.ariaLabel}`);
  pill.setAttribute('aria-controls', cardId);
  pill.setAttribute('aria-haspopup', 'dialog');

  const card = el('div', 'card');
  card.id = cardId;
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', content.title);
  card.append(el('p', 'card-title', content.title));
  for (const line of content.lines) card.append(el('p', 'card-line', line));
  if (content.sources.length) {
    card.append(el('p', 'card-heading', t('markSources')));
    const list = el('ul', 'sources');
    for (const source of content.sources) list.append(sourceItem(source, t));
    card.append(list);
  }
  card.append(el('p', 'card-note', t('noInformationIsNotNoRisk')));
  const finding = content.finding;
  const matchedText = content.matchedText ?? finding?.title ?? '';
  if (finding?.entityId && (actions.dismiss || actions.confirm)) {
    const row = el('div', 'actions');
    if (actions.confirm && finding.severity === 'review') row.append(actionButton(t('actionConfirm'), () => actions.confirm?.(finding, matchedText)));
    if (actions.dismiss) {
      row.append(actionButton(t('actionDismissPage'), () => actions.dismiss?.(finding, matchedText, 'page')));
      row.append(actionButton(t('actionDismissSite'), () => actions.dismiss?.(finding, matchedText, 'site')));
      row.append(actionButton(t('actionDismissEverywhere'), () => actions.dismiss?.(finding, matchedText, 'everywhere')));
    }
    card.append(row);
  }
  if (finding?.entityId && actions.follow) card.append(followButton(finding, t, actions.follow));
  if (content.tone === 'checked' && actions.hideChecked) {
    const row = el('div', 'actions');
    row.append(actionButton(t('actionHideChecked'), () => actions.hideChecked?.()));
    card.append(row);
  }

  wireCard({ host, pill, card });
  root.append(pill, card);
  return host;
}

function sourceItem(source: FindingSource, t: Translate): HTMLElement {
  const item = el('li');
  const label = `${source.title} (${sourcePublisher(source)}), ${t('markVersion', [formatVersion(source.version)])}${source.date ? `, ${formatDate(source.date)}` : ''}`;
  const safeUrl = safeHttpUrl(source.url);
  if (safeUrl) {
    const link = el('a', '', label) as HTMLAnchorElement;
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

function actionButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = el('button', 'action', label) as HTMLButtonElement;
  button.type = 'button';
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    onClick();
  });
  return button;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
