// Where an open card goes: beside its mark, inside the viewport, and clear of the mark itself and of the other
// marks and the focused element where that is possible (WCAG 2.4.11, focus not obscured). Pure: takes boxes in
// viewport coordinates and returns the card's top-left corner.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CardPlacementInput {
  /** The mark's pill the card belongs to. */
  anchor: Box;
  /** The card's own size (already limited to the viewport by its styles). */
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Other things the card should not cover: the other marks on screen, the focused element. */
  avoid: readonly Box[];
  /** Space kept between the card and the viewport's edges, and between the card and its mark. */
  margin?: number;
}

export interface CardPlacement {
  left: number;
  top: number;
  side: 'below' | 'above' | 'right' | 'left';
  /** Set when the card is too tall for any place clear of its mark: it is cut to this height and scrolls. */
  maxHeight?: number;
}

const SIDES = ['below', 'above', 'right', 'left'] as const;

export function placeCard({ anchor, card, viewport, avoid, margin = 8 }: CardPlacementInput): CardPlacement {
  const gap = 4;
  const clampX = (x: number) => clamp(x, margin, viewport.width - card.width - margin);
  const clampY = (y: number) => clamp(y, margin, viewport.height - card.height - margin);
  // Along the mark's side: aligned with the mark's start or end, or just past each thing to avoid.
  const xs = [anchor.left, anchor.left + anchor.width - card.width, ...avoid.flatMap((b) => [b.left + b.width + gap, b.left - gap - card.width])];
  const ys = [anchor.top, anchor.top + anchor.height - card.height, ...avoid.flatMap((b) => [b.top + b.height + gap, b.top - gap - card.height])];
  const candidates: CardPlacement[] = [];
  for (const side of SIDES) {
    if (side === 'below' || side === 'above') {
      const top = clampY(side === 'below' ? anchor.top + anchor.height + gap : anchor.top - gap - card.height);
      for (const left of xs) candidates.push({ side, top, left: clampX(left) });
    } else {
      const left = clampX(side === 'right' ? anchor.left + anchor.width + gap : anchor.left - gap - card.width);
      for (const top of ys) candidates.push({ side, left, top: clampY(top) });
    }
  }
  // The candidate that covers least: the mark itself weighs most, then whatever else is to be avoided (a card
  // pushed back into the viewport may end up covering either); then the one nearest the mark, in order of
  // preference (below, above, right, left) when equally near.
  const cost = (candidate: CardPlacement, height: number) => {
    const box = { left: candidate.left, top: candidate.top, width: card.width, height };
    const covered = overlapArea(box, anchor) * 1000 + avoid.reduce((sum, other) => sum + overlapArea(box, other), 0);
    return covered * 100 + distance(box, anchor);
  };
  const best = cheapest(candidates, (c) => cost(c, card.height));
  if (!overlapArea({ ...best, width: card.width, height: card.height }, anchor)) return best;

  // Too tall to sit clear of its mark: the side with more room, the card cut to fit it.
  const roomBelow = viewport.height - margin - (anchor.top + anchor.height + gap);
  const roomAbove = anchor.top - gap - margin;
  const below = roomBelow >= roomAbove;
  const maxHeight = Math.max(0, Math.floor(below ? roomBelow : roomAbove));
  const top = below ? anchor.top + anchor.height + gap : anchor.top - gap - maxHeight;
  const cut = xs.map((left): CardPlacement => ({ side: below ? 'below' : 'above', top, left: clampX(left), maxHeight }));
  return cheapest(cut, (c) => cost(c, maxHeight));
}

function cheapest(candidates: CardPlacement[], cost: (c: CardPlacement) => number): CardPlacement {
  let best = candidates[0]!;
  let bestCost = Infinity;
  for (const candidate of candidates) {
    const value = cost(candidate);
    if (value < bestCost) {
      best = candidate;
      bestCost = value;
    }
  }
  return best;
}

/** How far apart two boxes are (0 when they touch or overlap). */
function distance(a: Box, b: Box): number {
  const dx = Math.max(0, b.left - (a.left + a.width), a.left - (b.left + b.width));
  const dy = Math.max(0, b.top - (a.top + a.height), a.top - (b.top + b.height));
  return Math.hypot(dx, dy);
}

export function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const height = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
