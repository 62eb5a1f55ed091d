// Loads the built default knowledge base (public/data/defaults.json) from disk for the CLI.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { DefaultData } from '../core/types';
import type { Knowledge } from '../core/analyse-page';
import { knowledgeFromSnapshot } from '../core/knowledge';

/** The repository root, found from this module whether it runs from source or from the bundled CLI. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (path.basename(dir) === 'src' || path.basename(dir) === '.output') return path.dirname(dir);
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export const DEFAULT_KNOWLEDGE_PATH = path.join(packageRoot(), 'public', 'data', 'defaults.json');

export async function readDefaultData(file = DEFAULT_KNOWLEDGE_PATH): Promise<DefaultData> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file}: the default knowledge base is missing; run "npm ci" or "npm run build:data" first.`);
  }
  const data = JSON.parse(raw) as DefaultData;
  if (data.formatVersion !== 1) throw new Error(`${file}: unknown formatVersion ${String(data.formatVersion)}, expected 1.`);
  return data;
}

export async function loadKnowledgeFromFile(file = DEFAULT_KNOWLEDGE_PATH): Promise<Knowledge> {
  return knowledgeFromSnapshot(await readDefaultData(file));
}
