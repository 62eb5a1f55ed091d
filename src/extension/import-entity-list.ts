// Imports a FollowTheMoney entity file chosen by the user into the knowledge base: streams it through the pure
// importer, replaces that list's rows in one transaction (all or nothing), then compiles and saves the matcher, so
// pages switch to it as soon as it is ready; each phase (read, store, compile) reports its progress. Runs in an
// extension page, which shares the extension origin's IndexedDB with the background.
import type { ListMeaning, Source } from '../core/types';
import { FtmImporter, type FtmImportReport } from '../import/ftm';
import { LineSplitter } from '../import/line-splitter';
import type { KnowledgeDb } from '../kb/db';
import { removeList, replaceListRows } from '../kb/lists';
import { compileAndSaveMatcher } from '../kb/matcher-selfie';
import { LocalisedError } from '../core/localised-error';

export interface EntityListImportOptions {
  title: string;
  /**
   * What being on this list means, as the user chose it (there is no default): a ban, forced or child labour, or
   * sanctions give each entity a flag; a watch list gives none, so its matches are possible matches only.
   */
  meaning: ListMeaning;
  evidenceUrl?: string;
}

export const LIST_MEANINGS: readonly ListMeaning[] = ['import_ban', 'forced_labour', 'child_labour', 'sanctions', 'watch'];

export interface EntityListImportResult {
  source: Source;
  report: FtmImportReport;
}

/** Where a long change of the lists stands: reading the file, storing rows, removing rows, or compiling the matcher. */
export interface ListProgress {
  phase: 'read' | 'store' | 'remove' | 'compile';
  done: number;
  total: number;
}

export type ImportProgress = (progress: ListProgress) => void;

/** A stable list id from its title: "import:uflpa-entity-list-2025". */
export function importedListId(title: string): string {
  const slug = title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `import-${slug || 'list'}`;
}

export async function importEntityList(
  db: KnowledgeDb,
  file: Blob & { name?: string; lastModified?: number },
  options: EntityListImportOptions,
  onProgress: ImportProgress = () => undefined,
  now = new Date(),
): Promise<EntityListImportResult> {
  const title = options.title.trim();
  if (!title) throw new LocalisedError('importNeedsName', [], 'Give the list a name.');
  const evidenceUrl = options.evidenceUrl?.trim() || undefined;
  if (evidenceUrl && !/^https?:\/\//i.test(evidenceUrl)) {
    throw new LocalisedError('importEvidenceNotHttp', [evidenceUrl], `The evidence link must start with http:// or https:// (got "${evidenceUrl}").`);
  }
  if (!LIST_MEANINGS.includes(options.meaning)) throw new LocalisedError('importMeaningMissing', [], 'Choose what being on this list means before adding it.');
  const sourceId = importedListId(title);
  const version = file.lastModified ? new Date(file.lastModified).toISOString().slice(0, 10) : now.toISOString().slice(0, 10);
  const importer = new FtmImporter({
    sourceId,
    fileName: file.name ?? title,
    ...(options.meaning !== 'watch' ? { flagTemplate: { listVersion: version, type: options.meaning === 'detained_at_import' ? 'import_ban' : options.meaning, evidenceUrl: evidenceUrl ?? '' } } : {}),
  });
  const splitter = new LineSplitter((line, lineNumber, length) => {
    if (line === undefined) importer.addOverlongLine(lineNumber, length);
    else importer.addLine(line, lineNumber);
  });
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const reader = file.stream().getReader();
  let bytesRead = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    try {
      splitter.push(decoder.decode(value, { stream: true }));
    } catch {
      const [name, line] = [file.name ?? title, String(splitter.lines + 1)];
      throw new LocalisedError('importNotUtf8', [name, line], `${name}: not UTF-8 text near line ${line}; FollowTheMoney files are UTF-8 JSON lines.`);
    }
    onProgress({ phase: 'read', done: bytesRead, total: file.size });
  }
  splitter.push(decoder.decode());
  splitter.end();
  const { entities, flags, report } = importer.finish();
  if (entities.length === 0) {
    const [name, lines, problems] = [file.name ?? title, String(report.lines), String(report.problems.length)];
    throw new LocalisedError('importNoEntities', [name, lines, problems], `${name}: no companies or organisations found (${lines} lines read, ${problems} problems).`);
  }
  const source: Source = {
    id: sourceId,
    kind: 'entity-list',
    title,
    publisher: 'Imported by you',
    url: evidenceUrl ?? '',
    licence: 'as provided by its publisher',
    version,
    partial: false,
    meaning: options.meaning,
    note: `${entities.length} companies and organisations from ${file.name ?? 'a file'}${report.problems.length ? `; ${report.problems.length} problems reported at import` : ''}.`,
  };
  await replaceListRows(db, source, { entities, flags }, now, (done, total) => onProgress({ phase: 'store', done, total }));
  onProgress({ phase: 'compile', done: 0, total: 1 });
  await compileAndSaveMatcher(db);
  onProgress({ phase: 'compile', done: 1, total: 1 });
  return { source, report };
}

/** Removes an imported list with its rows, then compiles and saves the matcher without it, reporting each phase. */
export async function removeEntityList(db: KnowledgeDb, sourceId: string, onProgress: ImportProgress = () => undefined): Promise<void> {
  await removeList(db, sourceId, (done, total) => onProgress({ phase: 'remove', done, total }));
  onProgress({ phase: 'compile', done: 0, total: 1 });
  await compileAndSaveMatcher(db);
  onProgress({ phase: 'compile', done: 1, total: 1 });
}
