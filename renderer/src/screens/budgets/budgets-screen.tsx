// `#/budgetten`: per werkgebied allocated (editable), committed, spent, remaining and the three KPIs
// (targets, met/not met in words), with the association's totals row.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.js';
import { budgetYearOf } from '../../../../shared/domain/budget.js';
import { formatDecimal, formatEuro, parseDecimal } from '../../../../shared/domain/money.js';
import { todayInAmsterdam } from '../../../../shared/domain/validation.js';
import { SelectField } from '../../components/field.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText, validationText } from '../../i18n.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';

type Data = Output<'budgets:list'>;
type Line = Data['association'];
const KPIS = [
  ['route3Share', 'route3Ok'], ['individualGroupShare', 'individualGroupOk'], ['teacherTeamShare', 'teacherTeamOk'],
] as const;

/** Budget year keys around today for the association's year kind. */
export function yearOptions(kind: 'schooljaar' | 'kalenderjaar', today = todayInAmsterdam()): string[] {
  const y = Number(today.slice(0, 4));
  return [-2, -1, 0, 1].map((d) => budgetYearOf(`${y + d}${today.slice(4)}`, kind).key);
}

export function BudgetsScreen() {
  const { t } = useTranslation();
  const transport = useTransport();
  const [years, setYears] = useState<string[] | null>(null);
  const [year, setYear] = useState('');
  const [attempt, setAttempt] = useState(0);
  const key = `${year}|${attempt}`;
  const [state, setState] = useState<{ key: string; data?: Data; err?: unknown } | null>(null);
  useDocumentTitle(t('budgets.title'));

  useEffect(() => {
    transport.call('budgets:settings', {}).then(
      (s) => {
        const opts = yearOptions(s.yearKind);
        setYears(opts);
        setYear(opts[2]!);
      },
      (err: unknown) => setState({ key: '', err }),
    );
  }, [transport]);
  useEffect(() => {
    if (!year) return;
    let live = true;
    transport.call('budgets:list', { year }).then(
      (data) => live && setState({ key, data }),
      (err: unknown) => live && setState({ key, err }),
    );
    return () => {
      live = false;
    };
  }, [transport, year, key]);

  const data = state?.data;
  return (
    <div className="budgets">
      <h1>{t('budgets.title')}</h1>
      {years && (
        <SelectField id="budget-year" label={t('budgets.year')} value={year} onChange={setYear}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </SelectField>
      )}
      {state?.err ? (
        <ErrorMessage action={<button type="button" onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>}>
          {errorText(t, state.err)}
        </ErrorMessage>
      ) : null}
      {(!state || (year && state.key !== key)) && !state?.err && <Busy>{t('common.loading')}</Busy>}
      {data && (
        <div className="table-wrap">
          <table className="data-table budget-table">
            <caption>{t('budgets.caption', { year: data.year.key })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budgets.col_werkgebied')}</th>
                <th scope="col">{t('budgets.col_allocated')}</th>
                <th scope="col">{t('budgets.col_committed')}</th>
                <th scope="col">{t('budgets.col_spent')}</th>
                <th scope="col">{t('budgets.col_remaining')}</th>
                <th scope="col">{t('budgets.col_kpis')}</th>
              </tr>
            </thead>
            <tbody>
              {data.werkgebieden.map((w) => (
                <BudgetRow key={`${w.werkgebiedId}|${data.year.key}`} name={w.werkgebiedName} line={w}
                  allocation={<AllocationInput werkgebiedId={w.werkgebiedId} name={w.werkgebiedName} year={data.year.key}
                    cents={w.allocatedCents} onSaved={() => setAttempt((a) => a + 1)} />} />
              ))}
            </tbody>
            <tfoot>
              <BudgetRow name={t('budgets.association')} line={data.association} />
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}

function BudgetRow({ name, line, allocation }: { name: string; line: Line; allocation?: React.ReactNode }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const pct = (bp: number | null) => (bp === null ? '—' : `${formatDecimal(bp, 2, lang)}%`);
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="num">{allocation ?? formatEuro(line.allocatedCents, lang)}</td>
      <td className="num">{formatEuro(line.committedCents, lang)}</td>
      <td className="num">{formatEuro(line.spentCents, lang)}</td>
      <td className={`num ${line.remainingCents < 0 ? 'amount-negative' : ''}`}>
        {formatEuro(line.remainingCents, lang)}
        {line.remainingCents < 0 && <> ({t('budgets.overspent')})</>}
      </td>
      <td>
        <ul className="kpi-list">
          {KPIS.map(([share, ok]) => (
            <li key={share}>
              {t(`enums.kpi.${share}`)}: {pct(line.kpis[share])} —{' '}
              <strong>{line.kpis[ok] === null ? t('budgets.kpi_unknown') : line.kpis[ok] ? t('budgets.kpi_met') : t('budgets.kpi_not_met')}</strong>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function AllocationInput({ werkgebiedId, name, year, cents, onSaved }: {
  werkgebiedId: string; name: string; year: string; cents: number; onSaved(): void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const [text, setText] = useState(formatDecimal(cents, 2, lang));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `alloc-${werkgebiedId}`;
  const save = async () => {
    const value = parseDecimal(text, 2);
    if (value === null) {
      setError(validationText(t, 'amount_invalid'));
      return;
    }
    if (value === cents) return;
    setBusy(true);
    setError('');
    try {
      await transport.call('budgets:setAllocation', { werkgebiedId, year, allocatedCents: value });
      onSaved();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="alloc">
      <label htmlFor={id} className="visually-hidden">{t('budgets.allocated_of', { name })}</label>
      <input id={id} type="text" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} size={12}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} disabled={busy}
        onKeyDown={(e) => e.key === 'Enter' && void save()} />
      <button type="button" className="button-secondary" onClick={() => void save()} disabled={busy}
        aria-label={t('budgets.save_allocation', { name })}>
        {t('budgets.save')}
      </button>
      {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
    </div>
  );
}
