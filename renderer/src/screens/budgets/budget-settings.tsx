// Beheer: the association's budget settings (year kind, cap per arrangement, decision weeks, TLV
// category labels) → budgets:saveSettings.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.js';
import { BUDGET_YEAR_KINDS } from '../../../../shared/domain/budget.js';
import { formatDecimal, parseDecimal } from '../../../../shared/domain/money.js';
import { TextField } from '../../components/field.js';
import { RadioGroup } from '../../components/radio-group.js';
import { Busy, ErrorMessage, SuccessMessage } from '../../components/status.js';
import { errorText, validationText } from '../../i18n.js';
import { useLanguage } from '../../stores/language-store.js';
import { ContractError, useTransport } from '../../transport/transport.js';

type Settings = Output<'budgets:settings'>;

export function BudgetSettingsSection() {
  const { t } = useTranslation();
  const transport = useTransport();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    transport.call('budgets:settings', {}).then(setSettings, setFailure);
  }, [transport]);
  return (
    <section className="form-section" aria-labelledby="budget-settings-title">
      <h2 id="budget-settings-title">{t('budgets.settings_title')}</h2>
      {failure !== null && <ErrorMessage>{errorText(t, failure)}</ErrorMessage>}
      {!settings && failure === null && <Busy>{t('common.loading')}</Busy>}
      {settings && <SettingsForm initial={settings} />}
    </section>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const [yearKind, setYearKind] = useState(initial.yearKind);
  const [cap, setCap] = useState(initial.capCents === null ? '' : formatDecimal(initial.capCents, 2, lang));
  const [weeks, setWeeks] = useState(String(initial.decisionWeeks));
  const [cats, setCats] = useState(initial.tlvCategories);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState('');
  const save = async () => {
    const errs: Record<string, string> = {};
    const capCents = cap.trim() === '' ? null : parseDecimal(cap, 2);
    if (cap.trim() !== '' && capCents === null) errs.capCents = 'amount_invalid';
    if (!/^\d+$/.test(weeks.trim())) errs.decisionWeeks = 'invalid';
    setErrors(errs);
    setDone(false);
    setFailure('');
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await transport.call('budgets:saveSettings', {
        ...initial, yearKind, capCents, decisionWeeks: Number(weeks), tlvCategories: cats,
      });
      setDone(true);
    } catch (err) {
      if (err instanceof ContractError && err.code === 'validation') setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.key])));
      setFailure(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const e = (p: string) => (errors[p] ? validationText(t, errors[p]) : undefined);
  return (
    <form noValidate onSubmit={(ev) => { ev.preventDefault(); void save(); }}>
      <RadioGroup<Settings['yearKind']> id="bs-yearKind" legend={t('budgets.year_kind')} value={yearKind} options={BUDGET_YEAR_KINDS}
        labelOf={(k) => t(`enums.budget_year_kind.${k}`)} onChange={setYearKind} error={e('yearKind')} />
      <TextField id="bs-cap" label={t('budgets.cap')} hint={t('budgets.cap_hint')} value={cap} onChange={setCap} error={e('capCents')} />
      <TextField id="bs-weeks" label={t('budgets.decision_weeks')} value={weeks} onChange={setWeeks} error={e('decisionWeeks')} />
      <fieldset className="repeat-row">
        <legend>{t('budgets.tlv_categories')}</legend>
        {cats.map((c, i) => (
          <TextField key={c.key} id={`bs-cat-${c.key}`} label={t('budgets.tlv_category_label', { key: c.key })} value={c.label}
            error={e(`tlvCategories.${i}.label`)} onChange={(v) => setCats((xs) => xs.map((x, j) => (j === i ? { ...x, label: v } : x)))} />
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>{busy ? t('budgets.saving') : t('budgets.save_settings')}</button>
      {done && <SuccessMessage>{t('budgets.settings_saved')}</SuccessMessage>}
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
    </form>
  );
}
