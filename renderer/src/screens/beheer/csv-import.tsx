// CSV import of schools: check first (nothing is written), show per-line problems or a preview,
// then import the whole file in one go.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolImportResult } from '../../../../shared/contract/index.js';
import { TextArea } from '../../components/field.js';
import { Busy, ErrorMessage, SuccessMessage } from '../../components/status.js';
import { errorText, validationText } from '../../i18n.js';
import { ContractError, useTransport } from '../../transport/transport.js';

type LineIssue = { line: number; path: string; key: string };

/** File.text(), with FileReader for engines that lack it. */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

export function CsvImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState<'' | 'read' | 'check' | 'apply'>('');
  const [fieldKey, setFieldKey] = useState('');
  const [lines, setLines] = useState<LineIssue[] | null>(null);
  const [failure, setFailure] = useState('');
  const [preview, setPreview] = useState<SchoolImportResult | null>(null);
  const [done, setDone] = useState<SchoolImportResult | null>(null);

  const changeCsv = (text: string) => {
    setCsv(text);
    setFieldKey('');
    setLines(null);
    setFailure('');
    setPreview(null);
    setDone(null);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setBusy('read');
    try {
      // As text, otherwise untouched: the core handles both separators (and a BOM, should one remain).
      changeCsv(await readText(file));
    } catch {
      setFailure(t('beheer.import_read_failed'));
    } finally {
      setBusy('');
    }
  };

  const run = async (apply: boolean) => {
    setFailure('');
    setLines(null);
    setDone(null);
    if (!csv.trim()) {
      setFieldKey('csv_empty');
      document.getElementById('csv-text')?.focus();
      return;
    }
    setBusy(apply ? 'apply' : 'check');
    try {
      const result = await transport.call('schools:import', { csv, apply });
      if (apply) {
        setPreview(null);
        setDone(result);
        onImported();
      } else setPreview(result);
    } catch (err) {
      setPreview(null);
      if (err instanceof ContractError && err.code === 'validation' && err.lines.length) {
        setLines([...err.lines].sort((a, b) => a.line - b.line));
      } else if (err instanceof ContractError && err.fields.length) {
        setFieldKey(err.fields[0]!.key);
      } else setFailure(errorText(t, err));
    } finally {
      setBusy('');
    }
  };

  return (
    <section aria-labelledby="import-title" className="card">
      <h2 id="import-title">{t('beheer.import_heading')}</h2>
      <p>{t('beheer.import_intro')}</p>
      <p>
        {t('beheer.import_columns')} <code>{t('beheer.import_columns_value')}</code>
      </p>
      <div className="field">
        <label htmlFor="csv-file">{t('beheer.import_file')}</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={onFile} />
      </div>
      <TextArea
        id="csv-text"
        label={t('beheer.import_paste')}
        value={csv}
        onChange={changeCsv}
        rows={8}
        error={fieldKey ? validationText(t, fieldKey) : undefined}
      />
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => run(false)} disabled={busy !== ''}>
          {t('beheer.import_check')}
        </button>
      </div>
      {busy === 'read' && <Busy>{t('common.loading')}</Busy>}
      {busy === 'check' && <Busy>{t('beheer.import_checking')}</Busy>}
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      {lines && (
        <div className="import-errors">
          <ErrorMessage>{t('errors.import_invalid')}</ErrorMessage>
          <div className="table-wrap">
            <table className="data-table">
              <caption>{t('beheer.import_errors')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t('beheer.import_col_line')}</th>
                  <th scope="col">{t('beheer.import_col_column')}</th>
                  <th scope="col">{t('beheer.import_col_problem')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l, i) => (
                  <tr key={`${l.line}-${l.path}-${i}`}>
                    <td className="num">{l.line}</td>
                    <td>{l.path || t('beheer.import_whole_line')}</td>
                    <td>{validationText(t, l.key)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {preview && (
        <div className="import-preview" role="status" aria-live="polite">
          <p>{t('beheer.import_preview', { count: preview.rows, created: preview.created, updated: preview.updated })}</p>
          <p>
            {preview.newWerkgebieden.length
              ? t('beheer.import_new_wg', { names: preview.newWerkgebieden.join(', ') })
              : t('beheer.import_no_new_wg')}
          </p>
        </div>
      )}
      {preview && (
        <button type="button" className="button-primary" onClick={() => run(true)} disabled={busy !== ''}>
          {t('beheer.import_apply')}
        </button>
      )}
      {busy === 'apply' && <Busy>{t('beheer.import_applying')}</Busy>}
      {done && (
        <SuccessMessage>
          {t('beheer.import_done', { count: done.rows, created: done.created, updated: done.updated })}
        </SuccessMessage>
      )}
    </section>
  );
}
