// `#/bewaartermijnen`: the association's retention rules, what is due today (grouped by rule) with the
// purge, and the history of runs (rule, day, count — never names).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.js';
import { formatDate } from '../../../../shared/format.js';
import { ListState, useList } from '../../components/use-async.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { RetentionDue } from './retention-due.js';
import { RetentionRules } from './retention-rules.js';

export function BewaartermijnenScreen() {
  const { t } = useTranslation();
  const transport = useTransport();
  useDocumentTitle(t('retention.title'));
  const due = useList(useCallback(() => transport.call('retention:due', {}), [transport]));
  const runs = useList(useCallback(() => transport.call('retention:runs', {}), [transport]));
  const reload = () => {
    due.retry();
    runs.retry();
  };
  return (
    <div className="bewaartermijnen">
      <h1>{t('retention.title')}</h1>
      <p>{t('retention.intro')}</p>
      <RetentionRules onSaved={due.retry} />
      <ListState err={due.err} loading={!due.data && !due.err} retry={due.retry} />
      {due.data && <RetentionDue due={due.data} onPurged={reload} />}
      <section className="form-section" aria-labelledby="retention-runs">
        <h2 id="retention-runs">{t('retention.runs_title')}</h2>
        <ListState err={runs.err} loading={!runs.data && !runs.err} retry={runs.retry} />
        {runs.data && <RunsTable runs={runs.data.runs} />}
      </section>
    </div>
  );
}

function RunsTable({ runs }: { runs: Output<'retention:runs'>['runs'] }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  if (runs.length === 0) return <p className="empty">{t('retention.runs_empty')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{t('retention.runs_title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('retention.col_date')}</th>
          <th scope="col">{t('retention.col_rule')}</th>
          <th scope="col">{t('retention.col_count')}</th>
          <th scope="col">{t('retention.col_by')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id}>
            <td>{formatDate(r.date, lang)}</td>
            <td>{t(`retention.rule_${r.rule}`)}</td>
            <td>{r.count}</td>
            <td>{r.byName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
