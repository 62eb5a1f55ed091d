// The side panel's disclosure import: the stored disclosures (latest version of each contractor, facility lists),
// the template to download, files to import with their progress, every problem of each file, the changes a new
// version brings, and — for a file whose columns are not recognised — a mapping the user makes once per layout.
import { useEffect, useState } from 'preact/hooks';
import { mapColumns, type ColumnMapping } from '../../disclosures/columns';
import { FIELD_SPECS, templateCsv, type DisclosureField } from '../../disclosures/template';
import type { Disclosure } from '../../disclosures/types';
import { describeChange } from '../../disclosures/versions';
import { interfaceReportWords } from '../bidder-report-words';
import { importDisclosureFile, type DisclosureImportOutcome } from '../../extension/import-disclosure';
import { openKnowledgeDb } from '../../kb/db';
import { latestDisclosures } from '../../kb/disclosures';
import { formatDate, t, tn } from '../i18n';
import { downloadFile } from '../download-file';

function Outcome({ outcome, onMapped }: { outcome: DisclosureImportOutcome; onMapped: (mapping: ColumnMapping) => void }) {
  const [mapping, setMapping] = useState<ColumnMapping>(outcome.status === 'refused' ? mapColumns(outcome.table.headers) : []);
  if (outcome.status === 'unreadable') return <p role="alert" class="error">{outcome.message}</p>;
  const problems = outcome.parsed.problems;
  return (
    <div class="bc-outcome">
      {outcome.status === 'imported' ? (
        outcome.stored.map((d) => (
          <p key={d.id} role="status">
            {d.kind === 'facility-list'
              ? tn('bcImportedList', d.facilities.length, [outcome.fileName])
              : tn('bcImported', d.facilities.length, [outcome.fileName, d.supplier.name, String(d.version)])}
          </p>
        ))
      ) : (
        <p role="alert" class="error">{t('bcRefused', [outcome.fileName])}</p>
      )}
      {outcome.status === 'imported' && outcome.parsed.rowsSkipped > 0 && <p>{tn('bcSkipped', outcome.parsed.rowsSkipped, [String(outcome.parsed.rowsRead)])}</p>}
      {problems.length > 0 && <ul class="bc-problems">{problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>}
      {outcome.status === 'imported' && outcome.diffs.map((diff) => (
        <div key={diff.supplierKey}>
          <p>{t('bcChanges', [String(diff.fromVersion)])}</p>
          <ul>{diff.changes.map((c, i) => <li key={i}>{describeChange(c, interfaceReportWords())}</li>)}</ul>
        </div>
      ))}
      {outcome.status === 'refused' && outcome.parsed.problems.some((p) => p.code === 'missing-column') && (
        <form class="bc-mapping" onSubmit={(e) => { e.preventDefault(); onMapped(mapping); }}>
          <p>{t('bcMapTitle')}</p>
          {outcome.table.headers.map((header, i) => (
            <label key={i}>
              <span>{header || `#${i + 1}`}</span>
              <select value={mapping[i] ?? ''} onChange={(e) => { const next = [...mapping]; next[i] = ((e.target as HTMLSelectElement).value || undefined) as DisclosureField | undefined; setMapping(next); }}>
                <option value="">{t('bcMapNone')}</option>
                {FIELD_SPECS.map((s) => <option key={s.field} value={s.field}>{s.field}</option>)}
              </select>
            </label>
          ))}
          <button type="submit">{t('bcMapApply')}</button>
        </form>
      )}
    </div>
  );
}

export function DisclosureImport({ onChanged }: { onChanged: () => void }) {
  const [stored, setStored] = useState<Disclosure[]>([]);
  const [supplierName, setSupplierName] = useState('');
  const [progress, setProgress] = useState<{ file: string; percent: number } | undefined>();
  const [outcomes, setOutcomes] = useState<{ file: File; outcome: DisclosureImportOutcome }[]>([]);
  const reload = () => void latestDisclosures(openKnowledgeDb()).then((d) => setStored(d.sort((a, b) => a.supplier.name.localeCompare(b.supplier.name))));
  useEffect(reload, []);

  const importFiles = async (files: File[], mapping?: ColumnMapping) => {
    const db = openKnowledgeDb();
    const results: { file: File; outcome: DisclosureImportOutcome }[] = [];
    for (const file of files) {
      setProgress({ file: file.name, percent: 0 });
      const outcome = await importDisclosureFile(db, file, { supplierName, ...(mapping ? { mapping } : {}), onProgress: (f) => setProgress({ file: file.name, percent: Math.round(f * 100) }) })
        .catch((error: unknown): DisclosureImportOutcome => ({ status: 'unreadable', fileName: file.name, message: error instanceof Error ? error.message : String(error) }));
      results.push({ file, outcome });
    }
    setProgress(undefined);
    setOutcomes((prior) => [...prior.filter((o) => !files.includes(o.file)), ...results]);
    reload();
    onChanged();
  };

  const downloadXlsx = async () => {
    const { templateXlsx } = await import('../../disclosures/xlsx-file');
    downloadFile('tenderlens-disclosure-template.xlsx', await templateXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  return (
    <section class="bc-disclosures" aria-labelledby="bc-disclosures-title">
      <h2 id="bc-disclosures-title">{t('bcDisclosuresTitle')}</h2>
      {stored.length === 0 ? <p>{t('bcDisclosuresNone')}</p> : (
        <ul class="bc-stored">
          {stored.map((d) => (
            <li key={d.id}>{d.kind === 'facility-list'
              ? tn('bcStoredList', d.facilities.length, [d.fileName])
              : tn('bcStoredDisclosure', d.facilities.length, [d.supplier.name, String(d.version), d.disclosureDate ? formatDate(d.disclosureDate) : t('bcNotDated')])}</li>
          ))}
        </ul>
      )}
      <p class="bc-template">{t('bcTemplate')}{' '}
        <button type="button" class="link" onClick={() => downloadFile('tenderlens-disclosure-template.csv', templateCsv(), 'text/csv')}>{t('bcFileCsv')}</button>{' · '}
        <button type="button" class="link" onClick={() => void downloadXlsx()}>{t('bcFileXlsx')}</button>
      </p>
      <label class="bc-field">
        <span>{t('bcSupplierLabel')}</span>
        <input type="text" value={supplierName} onInput={(e) => setSupplierName((e.target as HTMLInputElement).value)} />
      </label>
      <label class="bc-field">
        <span>{t('bcImportLabel')}</span>
        <input type="file" multiple accept=".csv,.tsv,.txt,.xlsx,.json" onChange={(e) => { const input = e.target as HTMLInputElement; void importFiles([...(input.files ?? [])]); input.value = ''; }} />
      </label>
      {progress && <p role="status">{t('bcImportReading', [progress.file])} <progress max={100} value={progress.percent} /></p>}
      {outcomes.map(({ file, outcome }) => <Outcome key={`${file.name}-${outcome.status}`} outcome={outcome} onMapped={(mapping) => void importFiles([file], mapping)} />)}
    </section>
  );
}
