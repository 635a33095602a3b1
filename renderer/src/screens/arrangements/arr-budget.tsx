// The budget effect of the arrangement on its werkgebied: asks the core (debounced) and shows the
// remaining budget before/after and the warnings in words.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.js';
import { formatEuro } from '../../../../shared/domain/money.js';
import { isValidIsoDate } from '../../../../shared/domain/validation.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { errorText } from '../../i18n.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';

interface Props {
  werkgebiedId: string;
  amountCents: number;
  startDate: string;
  excludeId: string;
  delayMs?: number | undefined;
}

export function BudgetEffectPanel({ werkgebiedId, amountCents, startDate, excludeId, delayMs = 400 }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const key = `${werkgebiedId}|${amountCents}|${startDate}`;
  const [state, setState] = useState<{ key: string; data?: Output<'arrangements:budgetEffect'>; err?: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      transport
        .call('arrangements:budgetEffect', {
          werkgebiedId, amountCents, excludeId, ...(isValidIsoDate(startDate) ? { startDate } : {}),
        })
        .then((data) => live && setState({ key, data }), (err: unknown) => live && setState({ key, err }));
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [transport, werkgebiedId, amountCents, startDate, excludeId, key, delayMs]);

  const data = state?.data;
  return (
    <section className="form-section budget-effect" aria-labelledby="arr-budget-title">
      <h2 id="arr-budget-title">{t('arrangements.budget_title')}</h2>
      {state?.err ? <ErrorMessage>{errorText(t, state.err)}</ErrorMessage> : null}
      {!state && <Busy>{t('arrangements.budget_loading')}</Busy>}
      {data && (
        <div aria-live="polite" aria-busy={state?.key !== key || undefined}>
          <dl className="facts">
            <dt>{t('arrangements.budget_year')}</dt>
            <dd>{data.yearKey}</dd>
            <dt>{t('arrangements.budget_allocated')}</dt>
            <dd>{formatEuro(data.before.allocatedCents, lang)}</dd>
            <dt>{t('arrangements.budget_before')}</dt>
            <dd>{formatEuro(data.before.remainingCents, lang)}</dd>
            <dt>{t('arrangements.budget_after')}</dt>
            <dd className={data.after.remainingCents < 0 ? 'amount-negative' : undefined}>{formatEuro(data.after.remainingCents, lang)}</dd>
          </dl>
          {data.warnings.length === 0 ? (
            <p>{t('arrangements.budget_ok')}</p>
          ) : (
            <ul className="message message-warning">
              {data.warnings.map((w) => <li key={w}>{t(`enums.budget_warning.${w}`)}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
