// The options page's import of a list of companies (FollowTheMoney JSON lines, OpenSanctions' format): name it,
// choose what being on it means (there is no default), follow each phase (read, store, prepare for pages), then read
// exactly what was imported and what was skipped.
import { useState } from 'preact/hooks';
import type { ListMeaning } from '../../core/types';
import { importEntityList, LIST_MEANINGS, type EntityListImportResult, type ListProgress } from '../../extension/import-entity-list';
import { openKnowledgeDb } from '../../kb/db';
import { sendToBackground } from '../../extension/messages';
import { errorText, formatNumber, t, tn } from '../i18n';
import { visibleControls } from '../../core/visible-controls';

type State =
  | { step: 'idle' }
  | { step: 'running'; progress: ListProgress }
  | { step: 'done'; result: EntityListImportResult }
  | { step: 'failed'; message: string };

export function EntityListImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | undefined>();
  const [title, setTitle] = useState('');
  const [meaning, setMeaning] = useState<ListMeaning | ''>('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });

  const run = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    if (!meaning) {
      setState({ step: 'failed', message: t('importMeaningMissing') });
      return;
    }
    setState({ step: 'running', progress: { phase: 'read', done: 0, total: file.size } });
    const db = openKnowledgeDb();
    try {
      const result = await importEntityList(
        db,
        file,
        { title: title || file.name.replace(/\.(ftm\.)?jsonl?$/i, ''), meaning, evidenceUrl },
        (progress) => setState({ step: 'running', progress }),
      );
      await sendToBackground({ type: 'knowledge-changed' });
      setState({ step: 'done', result });
      onImported();
      // Items the feeds carried before this list existed may name its entities: read them again, whole.
      sendToBackground({ type: 'refresh-feeds', relink: true }).catch((error: unknown) => console.error('TenderLens:', error));
    } catch (error) {
      setState({ step: 'failed', message: visibleControls(errorText(error)) });
    } finally {
      db.close();
    }
  };

  return (
    <form class="import" onSubmit={(e) => void run(e)}>
      <p class="muted">{t('importHintPlain')}</p>
      <details class="technical">
        <summary>{t('importFormatDetails')}</summary>
        <p class="muted">{t('importFormatTechnical')}</p>
      </details>
      <label>
        {t('importFile')}{' '}
        <input type="file" accept=".jsonl,.json,.ftm,application/json" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0])} />
      </label>
      <label>
        {t('importTitle')} <input type="text" value={title} placeholder={file?.name ?? ''} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label>
        {t('importMeaning')}{' '}
        <select aria-required="true" value={meaning} onChange={(e) => setMeaning((e.currentTarget as HTMLSelectElement).value as ListMeaning | '')}>
          <option value="" disabled>
            {t('importMeaningChoose')}
          </option>
          {LIST_MEANINGS.map((m) => (
            <option key={m} value={m}>
              {t(`importMeaning_${m}`)}
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
      {state.step === 'running' && <ListProgressView progress={state.progress} />}
      {state.step === 'failed' && (
        <p role="alert" class="error">
          {state.message}
        </p>
      )}
      {state.step === 'done' && <ImportReport result={state.result} />}
    </form>
  );
}

/** One line per phase of a long change of the lists: reading the file, storing or removing rows, preparing for pages. */
export function ListProgressView({ progress }: { progress: ListProgress }) {
  const percent = progress.total ? Math.round((100 * progress.done) / progress.total) : 0;
  const label =
    progress.phase === 'compile'
      ? t('progressCompile')
      : t(`progress_${progress.phase}`, [formatNumber(percent), formatNumber(progress.done), formatNumber(progress.total)]);
  return (
    <p role="status" class="list-progress">
      {progress.phase === 'compile' ? <progress /> : <progress max={100} value={percent} />} {label}
    </p>
  );
}

function ImportReport({ result }: { result: EntityListImportResult }) {
  const { report } = result;
  const skipped = Object.entries(report.skippedBySchema).map(([schema, n]) => `${visibleControls(schema)} ${formatNumber(n)}`).join(', ');
  return (
    <div role="status" class="report">
      <p>{tn('importDone', report.imported, [result.source.title, formatNumber(report.lines)])}</p>
      <p>{t('optionsListMeaning', [t(`importMeaning_${result.source.meaning ?? 'watch'}`)])}</p>
      {skipped && <p class="muted">{t('importSkipped', [skipped])}</p>}
      {report.problems.length > 0 && (
        <details open>
          <summary>{tn('importProblems', report.problems.length)}</summary>
          <ul>
            {report.problems.slice(0, 50).map((p) => (
              <li key={`${p.line}:${p.field ?? ''}:${p.message}`}>
                {t('importProblemLine', [String(p.line)])}
                {p.field ? ` (${visibleControls(p.field)})` : ''}: {visibleControls(p.message)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
