// Where a card goes: below its mark when it fits, flipped above near the bottom, never over its mark, off the
// other marks where there is a place, inside the window, and cut to scroll when it is taller than any free place.
import { describe, expect, it } from 'vitest';
import { overlapArea, placeCard, type Box } from '../../../src/annotator/card-placement';

const viewport = { width: 1280, height: 900 };
const card = { width: 384, height: 300 };
const boxAt = (p: { left: number; top: number }, size = card): Box => ({ ...p, ...size });

describe('placeCard', () => {
  it('puts the card below its mark, aligned with it, when there is room', () => {
    const anchor = { left: 100, top: 100, width: 120, height: 20 };
    expect(placeCard({ anchor, card, viewport, avoid: [] })).toEqual({ side: 'below', left: 100, top: 124 });
  });

  it('flips it above a mark near the bottom of the window', () => {
    const anchor = { left: 100, top: 850, width: 120, height: 20 };
    const place = placeCard({ anchor, card, viewport, avoid: [] });
    expect(place.side).toBe('above');
    expect(place.top + card.height).toBeLessThanOrEqual(anchor.top);
  });

  it('keeps it inside the window for a mark at the right edge', () => {
    const anchor = { left: 1200, top: 100, width: 70, height: 20 };
    const place = placeCard({ anchor, card, viewport, avoid: [] });
    expect(place.left + card.width).toBeLessThanOrEqual(viewport.width - 8);
    expect(overlapArea(boxAt(place), anchor)).toBe(0);
  });

  it('moves off another mark when a free place exists', () => {
    const anchor = { left: 100, top: 100, width: 120, height: 20 };
    const other = { left: 110, top: 200, width: 150, height: 20 };
    const place = placeCard({ anchor, card, viewport, avoid: [other] });
    expect(overlapArea(boxAt(place), other)).toBe(0);
    expect(overlapArea(boxAt(place), anchor)).toBe(0);
  });

  it('cuts a card taller than any free place to the larger side, so it never covers its mark', () => {
    const small = { width: 400, height: 450 };
    const anchor = { left: 20, top: 200, width: 200, height: 20 };
    const place = placeCard({ anchor, card: { width: 384, height: 434 }, viewport: small, avoid: [] });
    expect(place.maxHeight).toBeDefined();
    expect(place.side).toBe('below');
    expect(overlapArea(boxAt(place, { width: 384, height: place.maxHeight! }), anchor)).toBe(0);
    expect(place.top + place.maxHeight!).toBeLessThanOrEqual(small.height);
  });
});
