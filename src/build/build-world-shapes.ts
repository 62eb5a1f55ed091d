// Build step: the country shapes the bidder check's world map is drawn from. Reads Natural Earth's 1:110m
// countries (the world-atlas package's TopoJSON, a development dependency used only here), projects them with
// Equal Earth into a fixed frame, and writes one SVG path string per ISO 3166-1 alpha-2 code, rounded to a tenth
// of a unit, to public/data/world-shapes.json (shipped, read offline). Natural Earth's ISO numeric ids are mapped
// to alpha-2 with i18n-iso-countries; Kosovo has no id there and is XK; Northern Cyprus and Somaliland, drawn
// apart by Natural Earth, are drawn with Cyprus and Somalia as ISO 3166 counts them. Run:
// `npx tsx src/build/build-world-shapes.ts` (part of `npm run prepare`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { geoEqualEarth, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { WORLD_SHAPES_PATH, type WorldShapes } from '../disclosures/world-shapes';
import { REPO_ROOT } from './build-default-data';

export const WORLD_SHAPES_OUTPUT = join(REPO_ROOT, 'public', WORLD_SHAPES_PATH);
const WIDTH = 960;
const HEIGHT = 470;
const BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };

export function buildWorldShapes(): WorldShapes {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], collection);
  const path = geoPath(projection).digits(1);
  const shapes: Record<string, string> = {};
  for (const f of collection.features) {
    const code = (f.id !== undefined ? countries.numericToAlpha2(String(f.id)) : undefined) ?? BY_NAME[f.properties.name];
    if (!code) throw new Error(`world shapes: no ISO code for "${f.properties.name}" (${String(f.id)})`);
    const d = path(f);
    if (d) shapes[code] = (shapes[code] ?? '') + d;
  }
  return {
    attribution: 'Made with Natural Earth (public domain), 1:110m countries, via the world-atlas package',
    width: WIDTH,
    height: HEIGHT,
    shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b))),
  };
}

export function writeWorldShapes(shapes: WorldShapes, file = WORLD_SHAPES_OUTPUT): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(shapes)}\n`);
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const shapes = buildWorldShapes();
  const file = writeWorldShapes(shapes);
  console.log(`world shapes → ${file}: ${Object.keys(shapes.shapes).length} countries`);
}
