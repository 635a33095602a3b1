// "Instellingen commissie": completeness rules, which arrangements go to the commission, the TLV
// number pattern (with a live example), member roles, the default item length, bezwaar and afzender.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commissionSettingsSchema, type CommissionSettings } from '../../../../shared/contract/index.js';
import { ROUTES } from '../../../../shared/domain/arrangement.js';
import { formatTlvNumber, numberPatternError } from '../../../../shared/domain/commission.js';
import { formatDecimal, parseDecimal } from '../../../../shared/domain/money.js';
import { issuesOf, todayInAmsterdam } from '../../../../shared/domain/validation.js';
import { Checkbox, TextArea, TextField } from '../../components/field.js';
import { ErrorMessage, SuccessMessage } from '../../components/status.js';
import { ListState, useList } from '../../components/use-async.js';
import { errorText, validationText } from '../../i18n.js';
import { ContractError, useTransport } from '../../transport/transport.js';

interface Draft {
  rules: { requireParentsView: boolean; requireConsent: boolean; requireChildView: boolean; oppMaxAgeMonths: string };
  arrangementRoutes: number[];
  threshold: string;
  tlvNumberPattern: string;
  /** `key` empty for a new role: derived from its label on save. */
  memberRoles: { key: string; label: string; voting: boolean }[];
  defaultItemMinutes: string;
  bezwaar: { instantie: string; adres: string; weeks: string };
  afzender: string;
}

const toDraft = (s: CommissionSettings): Draft => ({
  rules: { ...s.rules, oppMaxAgeMonths: String(s.rules.oppMaxAgeMonths) },
  arrangementRoutes: [...s.arrangementRoutes],
  threshold: s.arrangementThresholdCents === null ? '' : formatDecimal(s.arrangementThresholdCents, 2),
  tlvNumberPattern: s.tlvNumberPattern,
  memberRoles: s.memberRoles.map((r) => ({ ...r })),
  defaultItemMinutes: String(s.defaultItemMinutes),
  bezwaar: { ...s.bezwaar, weeks: String(s.bezwaar.weeks) },
  afzender: s.afzender,
});

/** `Orthopedagoog / GZ-psycholoog` → `orthopedagoog_gz_psycholoog` (unique within the list). */
export function roleKeyOf(label: string, taken: readonly string[]): string {
  const base = label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 26) || 'rol';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}

const num = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

function fromDraft(d: Draft): unknown {
  const keys: string[] = [];
  const memberRoles = d.memberRoles.map((r) => {
    const key = r.key || roleKeyOf(r.label, [...keys, ...d.memberRoles.map((x) => x.key)]);
    keys.push(key);
    return { key, label: r.label, voting: r.voting };
  });
  const threshold = d.threshold.trim() ? parseDecimal(d.threshold, 2) ?? -1 : null;
  return {
    rules: { ...d.rules, oppMaxAgeMonths: num(d.rules.oppMaxAgeMonths) },
    arrangementRoutes: [...d.arrangementRoutes].sort(),
    arrangementThresholdCents: threshold,
    tlvNumberPattern: d.tlvNumberPattern,
    memberRoles,
    defaultItemMinutes: num(d.defaultItemMinutes),
    bezwaar: { ...d.bezwaar, weeks: num(d.bezwaar.weeks) },
    afzender: d.afzender,
  };
}

export function SettingsSection() {
  const { t } = useTranslation();
  const transport = useTransport();
  const loaded = useList(useCallback(() => transport.call('commission:settings', {}), [transport]));
  return (
    <section aria-labelledby="cs-title">
      <h2 id="cs-title">{t('commission.settings_title')}</h2>
      <ListState err={loaded.err} loading={!loaded.data && !loaded.err} retry={loaded.retry} />
      {loaded.data && <SettingsForm initial={loaded.data} />}
    </section>
  );
}

function SettingsForm({ initial }: { initial: CommissionSettings }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [d, setD] = useState(() => toDraft(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fid = (p: string) => `cs-${p.replace(/\./g, '-')}`;
  const err = (p: string) => (errors[p] ? validationText(t, errors[p]) : undefined);
  const set = (update: (x: Draft) => Draft) => {
    setD(update);
    setSaved(false);
  };
  const patternProblem = numberPatternError(d.tlvNumberPattern.trim());
  const today = todayInAmsterdam();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    const parsed = commissionSettingsSchema.safeParse(fromDraft(d));
    const fail = (issues: { path: string; key: string }[]) => {
      const out: Record<string, string> = {};
      for (const i of issues) out[i.path === 'arrangementThresholdCents' ? 'threshold' : i.path] ??= i.key;
      setErrors(out);
      setError(t('commission.form_invalid'));
      document.getElementById(fid(Object.keys(out)[0] ?? ''))?.focus();
    };
    if (!parsed.success) return fail(issuesOf(parsed.error));
    setBusy(true);
    try {
      const s = await transport.call('commission:saveSettings', parsed.data);
      setD(toDraft(s));
      setErrors({});
      setSaved(true);
    } catch (x) {
      if (x instanceof ContractError && x.code === 'validation') fail(x.fields);
      else setError(errorText(t, x));
    } finally {
      setBusy(false);
    }
  };

  const rule = (k: 'requireParentsView' | 'requireConsent' | 'requireChildView', label: string) => (
    <Checkbox id={fid(`rules.${k}`)} label={label} checked={d.rules[k]}
      onChange={(v) => set((x) => ({ ...x, rules: { ...x.rules, [k]: v } }))} />
  );

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <fieldset className="form-section">
        <legend>{t('commission.rules_title')}</legend>
        {rule('requireParentsView', t('commission.rule_parents_view'))}
        {rule('requireConsent', t('commission.rule_consent'))}
        {rule('requireChildView', t('commission.rule_child_view'))}
        <TextField id={fid('rules.oppMaxAgeMonths')} label={t('commission.opp_max_age')} hint={t('commission.opp_max_age_hint')}
          value={d.rules.oppMaxAgeMonths} error={err('rules.oppMaxAgeMonths')}
          onChange={(v) => set((x) => ({ ...x, rules: { ...x.rules, oppMaxAgeMonths: v } }))} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('commission.arr_title')}</legend>
        <fieldset className="radio-group" id={fid('arrangementRoutes')} tabIndex={-1}>
          <legend>{t('commission.arr_routes')}</legend>
          {ROUTES.map((r) => (
            <Checkbox key={r} id={fid(`route-${r}`)} label={t(`enums.route.${r}`)} checked={d.arrangementRoutes.includes(r)}
              onChange={(on) => set((x) => ({ ...x, arrangementRoutes: on ? [...x.arrangementRoutes, r] : x.arrangementRoutes.filter((y) => y !== r) }))} />
          ))}
        </fieldset>
        <TextField id={fid('threshold')} label={t('commission.threshold')} hint={t('commission.threshold_hint')} value={d.threshold}
          error={err('threshold')} onChange={(v) => set((x) => ({ ...x, threshold: v }))} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('commission.numbering_title')}</legend>
        <TextField id={fid('tlvNumberPattern')} label={t('commission.pattern')} hint={t('commission.pattern_hint')} value={d.tlvNumberPattern}
          error={err('tlvNumberPattern') ?? (patternProblem && d.tlvNumberPattern ? validationText(t, patternProblem) : undefined)}
          onChange={(v) => set((x) => ({ ...x, tlvNumberPattern: v }))} />
        <p aria-live="polite" id="cs-pattern-example">
          {!patternProblem && t('commission.pattern_example', { example: formatTlvNumber(d.tlvNumberPattern.trim(), today, 42) })}
        </p>
      </fieldset>
      <fieldset className="form-section" id={fid('memberRoles')} tabIndex={-1}>
        <legend>{t('commission.roles_title')}</legend>
        {d.memberRoles.map((r, i) => {
          const setRole = (patch: Partial<typeof r>) =>
            set((x) => ({ ...x, memberRoles: x.memberRoles.map((y, j) => (j === i ? { ...y, ...patch } : y)) }));
          const key = r.key || roleKeyOf(r.label, d.memberRoles.filter((_, j) => j !== i).map((y) => y.key));
          return (
            <fieldset key={i} className="repeat-row inline-form">
              <legend>{t('commission.role_n', { n: i + 1 })}</legend>
              <TextField id={fid(`memberRoles.${i}.label`)} label={t('commission.role_label', { n: i + 1 })} value={r.label}
                hint={r.label.trim() ? t('commission.role_key', { key }) : undefined} error={err(`memberRoles.${i}.label`) ?? err(`memberRoles.${i}.key`)}
                onChange={(v) => setRole({ label: v })} />
              <Checkbox id={fid(`memberRoles.${i}.voting`)} label={t('commission.role_voting', { n: i + 1 })} checked={r.voting}
                onChange={(v) => setRole({ voting: v })} />
              <button type="button" className="button-secondary"
                onClick={() => set((x) => ({ ...x, memberRoles: x.memberRoles.filter((_, j) => j !== i) }))}>
                {t('commission.role_remove', { n: i + 1 })}
              </button>
            </fieldset>
          );
        })}
        {err('memberRoles') && <p className="field-error">{err('memberRoles')}</p>}
        <button type="button" className="button-secondary"
          onClick={() => set((x) => ({ ...x, memberRoles: [...x.memberRoles, { key: '', label: '', voting: true }] }))}>
          {t('commission.role_add')}
        </button>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('commission.agenda_settings_title')}</legend>
        <TextField id={fid('defaultItemMinutes')} label={t('commission.default_minutes')} value={d.defaultItemMinutes}
          error={err('defaultItemMinutes')} onChange={(v) => set((x) => ({ ...x, defaultItemMinutes: v }))} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('commission.bezwaar_title')}</legend>
        <TextField id={fid('bezwaar.instantie')} label={t('commission.bezwaar_instantie')} value={d.bezwaar.instantie} required
          error={err('bezwaar.instantie')} onChange={(v) => set((x) => ({ ...x, bezwaar: { ...x.bezwaar, instantie: v } }))} />
        <TextArea id={fid('bezwaar.adres')} label={t('commission.bezwaar_adres')} value={d.bezwaar.adres} rows={3}
          error={err('bezwaar.adres')} onChange={(v) => set((x) => ({ ...x, bezwaar: { ...x.bezwaar, adres: v } }))} />
        <TextField id={fid('bezwaar.weeks')} label={t('commission.bezwaar_weeks')} value={d.bezwaar.weeks}
          error={err('bezwaar.weeks')} onChange={(v) => set((x) => ({ ...x, bezwaar: { ...x.bezwaar, weeks: v } }))} />
        <TextArea id={fid('afzender')} label={t('commission.afzender')} value={d.afzender} rows={3}
          error={err('afzender')} onChange={(v) => set((x) => ({ ...x, afzender: v }))} />
      </fieldset>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {saved && <SuccessMessage>{t('commission.settings_saved')}</SuccessMessage>}
      <button type="submit" disabled={busy} aria-busy={busy || undefined}>{busy ? t('commission.busy') : t('commission.save_settings')}</button>
    </form>
  );
}
