// The options page's import of an entity list (FollowTheMoney JSON lines): name it, say what being listed
// means, watch the progress, then read exactly what was imported and what was skipped.
import { useState } from 'preact/hooks';
import type { FlagType } from '../../core/types';
import { importEntityList, type EntityListImportResult } from '../../extension/import-entity-list';
import { openKnowledgeDb } from '../../kb/db';
import { sendToBackground } from '../../extension/messages';
import { errorText, formatNumber, t, tn } from '../i18n';

const FLAG_CHOICES: Array<{ value: FlagType | ''; key: string }> = [
  { value: 'import_ban', key: 'importFlagImportBan' },
  { value: 'forced_labour', key: 'importFlagForcedLabour' },
  { value: 'child_labour', key: 'importFlagChildLabour' },
  { value: '', key: 'importFlagNone' },
];

type State =
  | { step: 'idle' }
  | { step: 'running'; percent: number }
  | { step: 'done'; result: EntityListImportResult }
  | { step: 'failed'; message: string };

export function EntityListImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | undefined>();
  const [title, setTitle] = useState('');
  const [flagType, setFlagType] = useState<FlagType | ''>('import_ban');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });

  const run = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setState({ step: 'running', percent: 0 });
    const db = openKnowledgeDb();
    try {
      const result = await importEntityList(
        db,
        file,
        { title: title || file.name.replace(/\.(ftm\.)?jsonl?$/i, ''), ...(flagType ? { flagType } : {}), evidenceUrl },
        (read, total) => setState({ step: 'running', percent: total ? Math.round((100 * read) / total) : 0 }),
      );
      setState({ step: 'done', result });
      onImported();
      // Items the feeds carried before this list existed may name its entities: read them again, whole.
      sendToBackground({ type: 'refresh-feeds', relink: true }).catch((error: unknown) => console.error('TenderLens:', error));
    } catch (error) {
      setState({ step: 'failed', message: errorText(error) });
    } finally {
      db.close();
    }
  };

  return (
    <form class="import" onSubmit={(e) => void run(e)}>
      <p class="muted">{t('importHint')}</p>
      <label>
        {t('importFile')}{' '}
        <input type="file" accept=".jsonl,.json,.ftm,application/json" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0])} />
      </label>
      <label>
        {t('importTitle')} <input type="text" value={title} placeholder={file?.name ?? ''} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label>
        {t('importMeaning')}{' '}
        <select value={flagType} onChange={(e) => setFlagType((e.currentTarget as HTMLSelectElement).value as FlagType | '')}>
          {FLAG_CHOICES.map((c) => (
            <option key={c.key} value={c.value}>
              {t(c.key)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('importEvidence')} <input type="url" value={evidenceUrl} placeholder="https://" onInput={(e) => setEvidenceUrl((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" disabled={!file || state.step === 'running'}>
        {t('importButton')}
      </button>
      {state.step === 'running' && (
        <p role="status">
          <progress max={100} value={state.percent} /> {t('importProgress', [formatNumber(state.percent)])}
        </p>
      )}
      {state.step === 'failed' && (
        <p role="alert" class="error">
          {state.message}
        </p>
      )}
      {state.step === 'done' && <ImportReport result={state.result} />}
    </form>
  );
}

function ImportReport({ result }: { result: EntityListImportResult }) {
  const { report } = result;
  const skipped = Object.entries(report.skippedBySchema).map(([schema, n]) => `${schema} ${formatNumber(n)}`).join(', ');
  return (
    <div role="status" class="report">
      <p>{tn('importDone', report.imported, [result.source.title, formatNumber(report.lines)])}</p>
      {skipped && <p class="muted">{t('importSkipped', [skipped])}</p>}
      {report.problems.length > 0 && (
        <details open>
          <summary>{tn('importProblems', report.problems.length)}</summary>
          <ul>
            {report.problems.slice(0, 50).map((p) => (
              <li key={`${p.line}:${p.field ?? ''}:${p.message}`}>
                {t('importProblemLine', [String(p.line)])}
                {p.field ? ` (${p.field})` : ''}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
