// A meeting's details: datum, tijd, plaats or online + link, and its members (name + role). Used to
// create a meeting and to edit it until its notulen are vastgesteld. Problems show at the field: the
// shared schema's at once, the core's from its `fields`.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingInputSchema, type CommissionSettings, type MeetingInput } from '../../../../shared/contract/index.js';
import { issuesOf } from '../../../../shared/domain/validation.js';
import { Checkbox, SelectField, TextField } from '../../components/field.js';
import { ErrorMessage, SuccessMessage } from '../../components/status.js';
import { errorText, validationText } from '../../i18n.js';
import { ContractError } from '../../transport/transport.js';

type Roles = CommissionSettings['memberRoles'];
type Draft = { datum: string; tijd: string; locatie: string; online: boolean; link: string; members: { name: string; role: string }[] };

interface Props {
  idPrefix: string;
  initial: Draft;
  roles: Roles;
  readOnly?: boolean;
  submitLabel: string;
  savedText?: string;
  onSubmit(meeting: MeetingInput): Promise<unknown>;
}

export function MeetingForm({ idPrefix, initial, roles, readOnly = false, submitLabel, savedText, onSubmit }: Props) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fid = (p: string) => `${idPrefix}-${p.replace(/\./g, '-')}`;
  const err = (p: string) => (errors[p] ? validationText(t, errors[p]) : undefined);
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }));
    setSaved(false);
  };
  const setMember = (i: number, patch: Partial<Draft['members'][number]>) =>
    set({ members: d.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    const parsed = meetingInputSchema.safeParse(d);
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const i of issuesOf(parsed.error)) out[i.path] ??= i.key;
      setErrors(out);
      setError(t('commission.form_invalid'));
      document.getElementById(fid(Object.keys(out)[0]!))?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(d);
      setErrors({});
      setSaved(true);
    } catch (x) {
      if (x instanceof ContractError && x.code === 'validation') {
        const out: Record<string, string> = {};
        for (const f of x.fields) out[f.path.replace(/^meeting\./, '')] ??= f.key;
        setErrors(out);
        setError(t('commission.form_invalid'));
      } else setError(errorText(t, x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="meeting-form">
      <div className="form-grid">
        <TextField id={fid('datum')} type="date" label={t('commission.datum')} value={d.datum} required disabled={readOnly}
          error={err('datum')} onChange={(v) => set({ datum: v })} />
        <TextField id={fid('tijd')} label={t('commission.tijd')} hint={t('commission.tijd_hint')} value={d.tijd} required disabled={readOnly}
          error={err('tijd')} onChange={(v) => set({ tijd: v })} />
        <TextField id={fid('locatie')} label={t('commission.locatie')} value={d.locatie} disabled={readOnly || d.online}
          error={err('locatie')} onChange={(v) => set({ locatie: v })} />
      </div>
      <Checkbox id={fid('online')} label={t('commission.online_label')} checked={d.online} disabled={readOnly}
        onChange={(v) => set({ online: v })} />
      {d.online && (
        <TextField id={fid('link')} label={t('commission.link')} hint={t('commission.link_hint')} value={d.link} disabled={readOnly}
          error={err('link')} onChange={(v) => set({ link: v })} />
      )}
      <fieldset className="repeat-row" id={fid('members')} tabIndex={-1}>
        <legend>{t('commission.members')}</legend>
        {d.members.length === 0 && <p className="empty">{t('commission.members_empty')}</p>}
        {d.members.map((m, i) => (
          <div key={i} className="inline-form">
            <TextField id={fid(`members.${i}.name`)} label={t('commission.member_name', { n: i + 1 })} value={m.name} disabled={readOnly}
              error={err(`members.${i}.name`)} onChange={(v) => setMember(i, { name: v })} />
            <SelectField id={fid(`members.${i}.role`)} label={t('commission.member_role', { n: i + 1 })} value={m.role} disabled={readOnly}
              error={err(`members.${i}.role`)} onChange={(v) => setMember(i, { role: v })}>
              {!roles.some((r) => r.key === m.role) && <option value={m.role}>{m.role || t('commission.choose')}</option>}
              {roles.map((r) => <option key={r.key} value={r.key}>{r.label}</option>)}
            </SelectField>
            {!readOnly && (
              <button type="button" className="button-secondary" onClick={() => set({ members: d.members.filter((_, j) => j !== i) })}>
                {t('commission.member_remove', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        {err('members') && <p className="field-error">{err('members')}</p>}
        {!readOnly && (
          <button type="button" className="button-secondary"
            onClick={() => set({ members: [...d.members, { name: '', role: roles[0]?.key ?? '' }] })}>
            {t('commission.member_add')}
          </button>
        )}
      </fieldset>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {saved && savedText && <SuccessMessage>{savedText}</SuccessMessage>}
      {!readOnly && (
        <button type="submit" disabled={busy} aria-busy={busy || undefined}>{busy ? t('commission.busy') : submitLabel}</button>
      )}
    </form>
  );
}

export const emptyMeetingDraft = (datum: string): Draft => ({ datum, tijd: '14:00', locatie: '', online: false, link: '', members: [] });
