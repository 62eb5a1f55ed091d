// One in-page mark: a small pill in its own shadow root beside the text it is about, opening a card with
// the evidence (sources, dates, why it matched) and the user's choices, built when it first opens. Built with DOM
// calls and textContent only: nothing from the knowledge base or the page is ever parsed as HTML.
import type { Finding, FindingSource } from '../core/types';
import { markStyles } from './mark-styles';
import { followButton } from '../watchlists/follow-button';
import { actionButton, appendCardBody, el, type MarkActions, type Translate } from './card-content';
import { wireCard } from './card-controller';

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

/** One style sheet shared by every mark of the page (parsed once), or null where it cannot be shared. */
let sharedSheet: CSSStyleSheet | null | undefined;

function addMarkStyles(root: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(markStyles);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      root.adoptedStyleSheets = [sharedSheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      sharedSheet = null; // a browser that does not let a content script share it: each mark gets its own
    }
  }
  const style = document.createElement('style');
  style.textContent = markStyles;
  root.append(style);
}

export function createMark(content: MarkContent, t: Translate, actions: MarkActions): HTMLElement {
  const host = document.createElement(MARK_TAG);
  host.setAttribute('data-tenderlens', content.tone);
  // Inline, so that no page rule reaches the host; everything else is styled inside the shadow root.
  host.style.cssText = 'all: initial; display: inline-block; position: relative; vertical-align: baseline; margin-left: 0.35em; max-width: 100%;';
  const root = host.attachShadow({ mode: 'open' });
  addMarkStyles(root);

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
  // The rest of the card is built when it first opens.
  const fill = () => {
    appendCardBody(card, { lines: content.lines, sources: content.sources, ...(content.finding ? { finding: content.finding } : {}), matchedText: content.matchedText ?? content.finding?.title ?? '' }, t, actions);
    if (content.finding?.entityId && actions.follow) card.append(followButton(content.finding, t, actions.follow));
    if (content.tone === 'checked' && actions.hideChecked) {
      const row = el('div', 'actions');
      row.append(actionButton(t('actionHideChecked'), () => actions.hideChecked?.()));
      card.append(row);
    }
  };

  wireCard({ host, pill, card, fill });
  root.append(pill, card);
  return host;
}
