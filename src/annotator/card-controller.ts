// Opens and closes the marks' cards, one at a time: a card opens in the top layer (a manual popover where the
// browser has them, so no page stacking or overflow cuts it off and it never widens the page), placed by
// card-placement beside its mark; focus moves into it. It closes when the user clicks outside it, presses
// Escape (wherever focus has gone since), opens another card, or its mark leaves the page; focus then returns
// to its mark if it was in the card. While it is open it follows its mark through scrolling (out of the window
// with it) and resizing, and moves out of the way of (or closes for) an element that focus moves to outside it.
import { overlapArea, placeCard, type Box } from './card-placement';

export interface CardParts {
  /** The mark's custom element (shadow host). */
  host: HTMLElement;
  pill: HTMLButtonElement;
  card: HTMLElement;
  /** Fills the card the first time it opens: a page may carry thousands of marks, and most cards are never read. */
  fill?: () => void;
}

let openCard: CardParts | undefined;
let stopListening: (() => void) | undefined;

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/** Makes `card` the pill's card: hidden now, shown by the pill. */
export function wireCard(parts: CardParts): void {
  const { pill, card } = parts;
  if (supportsPopover) card.popover = 'manual';
  else card.hidden = true;
  card.tabIndex = -1;
  pill.setAttribute('aria-expanded', 'false');
  pill.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (openCard?.card === card) closeCard();
    else showCard(parts);
  });
}

function showCard(parts: CardParts): void {
  if (openCard) closeCard({ returnFocus: false });
  openCard = parts;
  const { pill, card, fill } = parts;
  parts.fill = undefined;
  fill?.();
  if (supportsPopover) card.showPopover();
  else card.hidden = false;
  pill.setAttribute('aria-expanded', 'true');
  positionCard(parts);
  card.focus({ preventScroll: true });
  stopListening = listenWhileOpen(parts);
}

/** Closes the open card; focus goes back to its mark when it was in the card or nowhere. */
export function closeCard({ returnFocus = true }: { returnFocus?: boolean } = {}): void {
  const parts = openCard;
  if (!parts) return;
  openCard = undefined;
  stopListening?.();
  stopListening = undefined;
  const { pill, card } = parts;
  const focusWasInCard = focusIsWithin(parts.host, card) || document.activeElement === document.body || !document.activeElement;
  if (supportsPopover) {
    if (card.matches(':popover-open')) card.hidePopover();
  } else {
    card.hidden = true;
  }
  pill.setAttribute('aria-expanded', 'false');
  if (returnFocus && focusWasInCard && pill.isConnected) pill.focus({ preventScroll: true });
}

function listenWhileOpen(parts: CardParts): () => void {
  const { host, card } = parts;
  const controller = new AbortController();
  const options = { capture: true, signal: controller.signal };
  const inside = (event: Event) => event.composedPath().includes(card) || event.composedPath().includes(parts.pill);
  window.addEventListener('pointerdown', (event) => {
    if (!inside(event)) closeCard();
  }, options);
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    closeCard();
  }, options);
  window.addEventListener('focusin', (event) => {
    if (inside(event)) return;
    const target = event.composedPath()[0];
    if (target instanceof Element) keepClearOf(parts, target);
  }, options);
  let frame = 0;
  const update = (follow: boolean) => () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (!host.isConnected) closeCard({ returnFocus: false });
      else positionCard(parts, [], follow);
    });
  };
  window.addEventListener('scroll', update(true), { ...options, passive: true });
  window.addEventListener('resize', update(false), options);
  return () => {
    cancelAnimationFrame(frame);
    controller.abort();
  };
}

/** Focus went to `focused`, outside the card: move the card off it, or close the card if it cannot. */
function keepClearOf(parts: CardParts, focused: Element): void {
  const target = boxOf(focused);
  if (!overlapArea(boxOf(parts.card), target)) return;
  positionCard(parts, [target]);
  if (overlapArea(boxOf(parts.card), target)) closeCard({ returnFocus: false });
}

/** Where each open card sat relative to its mark when it was last placed. */
const offsetFromMark = new WeakMap<HTMLElement, { dx: number; dy: number }>();

function positionCard({ host, pill, card }: CardParts, alsoAvoid: Box[] = [], follow = false): void {
  const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
  const anchor = boxOf(pill);
  const offset = offsetFromMark.get(card);
  if (offset && follow) {
    // Scrolling: the card moves with its mark, and out of the window with it, rather than jump or stay pinned to
    // an edge; it is placed afresh only when, with its mark in view, it would leave the window.
    const moved = { left: anchor.left + offset.dx, top: anchor.top + offset.dy, width: card.offsetWidth, height: card.offsetHeight };
    const markOutOfView = anchor.top + anchor.height < 0 || anchor.top > viewport.height;
    const inside = moved.left >= 0 && moved.top >= 0 && moved.left + moved.width <= viewport.width && moved.top + moved.height <= viewport.height;
    if (markOutOfView || inside) {
      card.style.left = `${Math.round(moved.left)}px`;
      card.style.top = `${Math.round(moved.top)}px`;
      return;
    }
  }
  const marks = Array.from(document.querySelectorAll(host.localName))
    .filter((other) => other !== host)
    .map(boxOf)
    .filter((box) => box.width > 0 && box.top + box.height > 0 && box.top < viewport.height);
  card.style.removeProperty('max-height');
  const { width, height } = card.getBoundingClientRect();
  const place = placeCard({ anchor, card: { width, height }, viewport, avoid: [...alsoAvoid, ...marks] });
  if (place.maxHeight !== undefined) card.style.maxHeight = `${place.maxHeight}px`;
  card.style.left = `${Math.round(place.left)}px`;
  card.style.top = `${Math.round(place.top)}px`;
  card.dataset.side = place.side;
  offsetFromMark.set(card, { dx: place.left - anchor.left, dy: place.top - anchor.top });
}

function boxOf(element: Element): Box {
  const r = element.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

function focusIsWithin(host: HTMLElement, card: HTMLElement): boolean {
  const active = host.shadowRoot?.activeElement;
  return document.activeElement === host && !!active && card.contains(active);
}
