// One in-page mark: a small pill in its own shadow root beside the text it is about, opening a card with
// the evidence (sources, dates, why it matched) and the user's choices. Built with DOM calls and textContent
// only: nothing from the knowledge base or the page is ever parsed as HTML.
import type { Finding, FindingSource } from '../core/types';
import { markStyles } from './mark-styles';
import { appendCardBody, type MarkActions, type Translate } from './card-content';

export type { MarkActions, Translate } from './card-content';

export type MarkTone = 'flag' | 'review' | 'category' | 'checked' | 'dismissed';

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

export const MARK_TAG = 'tenderlens-mark';

let nextCardId = 0;

export function createMark(content: MarkContent, t: Translate, actions: MarkActions): HTMLElement {
  const host = document.createElement(MARK_TAG);
  host.setAttribute('data-tenderlens', content.tone);
  // Inline, so that no page rule reaches the host; everything else is styled inside the shadow root.
  host.style.cssText = 'all: initial; display: inline-block; position: relative; vertical-align: baseline; margin-left: 0.35em;';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = markStyles;
  root.append(style);

  const cardId = `tenderlens-card-${nextCardId++}`;
  const pill = el('button', `pill ${content.tone}`, content.pill);
  pill.type = 'button';
  pill.setAttribute('aria-label', content.ariaLabel);
  pill.setAttribute('aria-expanded', 'false');
  pill.setAttribute('aria-controls', cardId);

  const card = el('div', 'card');
  card.id = cardId;
  card.hidden = true;
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', content.title);
  card.append(el('p', 'card-title', content.title));
  appendCardBody(card, { lines: content.lines, sources: content.sources, ...(content.finding ? { finding: content.finding } : {}), matchedText: content.matchedText ?? content.finding?.title ?? '' }, t, actions);

  const setOpen = (open: boolean) => {
    card.hidden = !open;
    pill.setAttribute('aria-expanded', String(open));
  };
  pill.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    setOpen(card.hidden);
  });
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && !card.hidden) {
      setOpen(false);
      pill.focus();
    }
  });
  root.append(pill, card);
  return host;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
