// The side panel's world map of the bidder check: the shared map model (src/disclosures/world-shapes.ts) drawn as
// Preact SVG elements from the shipped country shapes, with its legend in words; the chart beside it and the
// report's tables carry the same facts as text. The shapes are read once from the extension package.
import { useEffect, useState } from 'preact/hooks';
import type { BidderCheckReport } from '../../disclosures/check-bidders';
import type { ReportWords } from '../../disclosures/report-words';
import { isWorldShapes, MAP_CSS, shadeClass, WORLD_SHAPES_PATH, worldMapModel, type WorldShapes } from '../../disclosures/world-shapes';
import { browser } from '../../extension/browser';

let shapesOnce: Promise<WorldShapes | undefined> | undefined;

/** The shipped shapes (undefined when the file cannot be read: the chart is then shown alone). */
export function loadWorldShapes(): Promise<WorldShapes | undefined> {
  shapesOnce ??= fetch(browser.runtime.getURL(WORLD_SHAPES_PATH as '/data/world-shapes.json'))
    .then((r) => (r.ok ? r.json() : undefined))
    .then((v: unknown) => (isWorldShapes(v) ? v : undefined))
    .catch(() => undefined);
  return shapesOnce;
}

export function useWorldShapes(): WorldShapes | undefined {
  const [shapes, setShapes] = useState<WorldShapes | undefined>();
  useEffect(() => void loadWorldShapes().then(setShapes), []);
  return shapes;
}

export function WorldMap({ report, shapes, words }: { report: BidderCheckReport; shapes: WorldShapes | undefined; words: ReportWords }) {
  const model = shapes && worldMapModel(report, shapes, words);
  if (!model) return null;
  return (
    <figure class="bc-map world-map">
      <style>{MAP_CSS}</style>
      <svg viewBox={`0 0 ${model.width} ${model.height}`} role="img" aria-labelledby="bc-map-title" width="100%">
        <title id="bc-map-title">{model.title}</title>
        {model.countries.map((c) => (
          <path key={c.code} class={shadeClass(c.standing)} d={c.d}>{c.label && <title>{c.label}</title>}</path>
        ))}
      </svg>
      <ul class="bc-map-legend">
        {model.legend.map((l) => (
          <li key={l.standing}><svg width="14" height="12" aria-hidden="true"><rect class={shadeClass(l.standing)} width="14" height="12" /></svg> {l.label}</li>
        ))}
      </ul>
      {model.notDrawn.length > 0 && <p class="bc-muted">{words.t('repMapNotDrawn', [model.notDrawn.join(', ')])}</p>}
      <figcaption class="bc-muted">{model.title}. {model.attribution}. {words.t('repMapCaption')}</figcaption>
    </figure>
  );
}
