// What is due today, grouped by rule: select all or some, confirm (count, cannot be undone), purge.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output, RetentionDueItem } from '../../../../shared/contract/index.js';
import { RETENTION_RULES, type RetentionRule } from '../../../../shared/domain/retention.js';
import { formatDate } from '../../../../shared/format.js';
import { Dialog } from '../../components/dialog.js';
import { Checkbox } from '../../components/field.js';
import { Busy, ErrorMessage, SuccessMessage } from '../../components/status.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { purgeInRuns } from './purge-in-runs.js';
import { retentionErrorText } from './retention-text.js';

type Due = Output<'retention:due'>;
type Result = Output<'retention:purge'>;

export function RetentionDue({ due, onPurged }: { due: Due; onPurged(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<RetentionRule | null>(null);
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');

  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id); else next.delete(id);
      return next;
    });
  const chosen = (rule: RetentionRule) => due.items.filter((i) => i.rule === rule && selected.has(i.id)).map((i) => i.id);

  /** In runs of at most RETENTION_PURGE_MAX (purge-in-runs.ts), with progress; a failure keeps what was done. */
  async function purge(rule: RetentionRule) {
    const ids = chosen(rule);
    setConfirming(null);
    setRunning({ done: 0, total: ids.length });
    setError('');
    setResult(null);
    let done: Result | null = null;
    try {
      await purgeInRuns((r, part) => transport.call('retention:purge', { rule: r, ids: part }), rule, ids, (sofar, part) => {
        done = sofar;
        toggle(part, false);
        setRunning({ done: sofar.count, total: ids.length });
      });
    } catch (err) {
      setError(retentionErrorText(t, err));
    } finally {
      setResult(done);
      setRunning(null);
      if (done) onPurged();
    }
  }

  return (
    <section className="form-section" aria-labelledby="retention-due">
      <h2 id="retention-due">{t('retention.due_title')}</h2>
      <p>{t('retention.today', { date: formatDate(due.today, lang) })}</p>
      {!due.canPurge && <p>{t('retention.cannot_purge')}</p>}
      {running && <Busy>{t('retention.running', running)}</Busy>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {result && (
        <SuccessMessage>
          {t('retention.result', { date: formatDate(result.date, lang), count: result.count, rule: t(`retention.rule_${result.rule}`) })}
        </SuccessMessage>
      )}
      {due.items.length === 0 && <p className="empty">{t('retention.empty')}</p>}
      {RETENTION_RULES.map((rule) => {
        const items = due.items.filter((i) => i.rule === rule);
        if (items.length === 0) return null;
        const count = chosen(rule).length;
        return (
          <section key={rule} className="retention-group" aria-labelledby={`retention-${rule}`}>
            <h3 id={`retention-${rule}`}>{t(`retention.group_${rule}`, { count: items.length })}</h3>
            {due.canPurge && (
              <Checkbox
                id={`retention-all-${rule}`}
                label={t('retention.select_all')}
                checked={count === items.length}
                onChange={(on) => toggle(items.map((i) => i.id), on)}
              />
            )}
            <ul className="retention-list">
              {items.map((i) => <DueLine key={i.id} item={i} lang={lang} canPurge={due.canPurge} checked={selected.has(i.id)} onToggle={toggle} />)}
            </ul>
            {due.canPurge && (
              <button type="button" disabled={count === 0 || running !== null} onClick={() => setConfirming(rule)}>
                {t('retention.purge_selected', { count })}
              </button>
            )}
          </section>
        );
      })}
      {confirming && (
        <Dialog title={t('retention.confirm_title')} onCancel={() => setConfirming(null)}>
          <p>{t(`retention.confirm_${confirming}`, { count: chosen(confirming).length })}</p>
          <p><strong>{t('retention.confirm_final')}</strong></p>
          <div className="button-row">
            <button type="button" className="button-secondary" data-autofocus onClick={() => setConfirming(null)}>{t('retention.cancel')}</button>
            <button type="button" className="button-primary button-danger" onClick={() => void purge(confirming)}>{t('retention.confirm')}</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

function DueLine(p: { item: RetentionDueItem; lang: string; canPurge: boolean; checked: boolean; onToggle(ids: string[], on: boolean): void }) {
  const { t } = useTranslation();
  const text = t('retention.item', { label: p.item.label, date: formatDate(p.item.since, p.lang) });
  if (!p.canPurge) return <li>{text}</li>;
  return (
    <li>
      <Checkbox id={`retention-item-${p.item.id}`} label={text} checked={p.checked} onChange={(on) => p.onToggle([p.item.id], on)} />
    </li>
  );
}
