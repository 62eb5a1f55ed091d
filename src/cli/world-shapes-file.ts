// The world map's country shapes for the CLI's HTML report: the same file the extension ships
// (public/data/world-shapes.json, built by `npm run prepare`). Without it the report has the chart alone.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isWorldShapes, WORLD_SHAPES_PATH, type WorldShapes } from '../disclosures/world-shapes';
import { packageRoot } from './knowledge-file';

export async function readWorldShapes(file = path.join(packageRoot(), 'public', WORLD_SHAPES_PATH)): Promise<WorldShapes | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isWorldShapes(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
