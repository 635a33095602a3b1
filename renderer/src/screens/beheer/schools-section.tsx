// Schools: table and the add/edit form.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { schoolInputSchema, type School, type SchoolInput, type Werkgebied } from '../../../../shared/contract/index.js';
import { issuesOf } from '../../../../shared/domain/validation.js';
import { formatNumber } from '../../../../shared/format.js';
import { SelectField, TextField } from '../../components/field.js';
import { ErrorMessage, SuccessMessage } from '../../components/status.js';
import { errorText, validationText } from '../../i18n.js';
import { useLanguage } from '../../stores/language-store.js';
import { ContractError, useTransport } from '../../transport/transport.js';

type FormValues = { id?: string; name: string; brin: string; place: string; werkgebiedId: string };
const EMPTY: FormValues = { name: '', brin: '', place: '', werkgebiedId: '' };
const FIELDS = ['name', 'brin', 'place', 'werkgebiedId'] as const;

interface Props {
  schools: School[];
  werkgebieden: Werkgebied[];
  onSaved(): void;
}

export function SchoolsSection({ schools, werkgebieden, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [editingName, setEditingName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const set = (field: (typeof FIELDS)[number]) => (v: string) => {
    setValues((s) => ({ ...s, [field]: v }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const startEdit = (s: School) => {
    setValues({ id: s.id, name: s.name, brin: s.brin, place: s.place, werkgebiedId: s.werkgebiedId });
    setEditingName(s.name);
    setErrors({});
    setDone('');
    setTimeout(() => document.getElementById('school-name')?.focus(), 0);
  };

  const cancel = () => {
    setValues(EMPTY);
    setEditingName('');
    setErrors({});
  };

  const showErrors = (issues: { path: string; key: string }[]) => {
    const next: Record<string, string> = {};
    for (const i of issues) next[i.path] ??= i.key;
    setErrors(next);
    const first = FIELDS.find((f) => next[f]);
    if (first) document.getElementById(`school-${first}`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    setFailure('');
    const input: SchoolInput = { ...values };
    const parsed = schoolInputSchema.safeParse(input);
    if (!parsed.success) return showErrors(issuesOf(parsed.error));
    setBusy(true);
    try {
      const saved = await transport.call('schools:save', input);
      setDone(t('beheer.school_saved', { name: saved.name }));
      cancel();
      onSaved();
    } catch (err) {
      if (err instanceof ContractError && err.fields.length) showErrors(err.fields);
      else setFailure(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const err = (f: string) => (errors[f] ? validationText(t, errors[f]) : undefined);
  return (
    <section aria-labelledby="schools-title" className="card">
      <h2 id="schools-title">{t('beheer.schools_heading')}</h2>
      {schools.length === 0 ? (
        <p className="empty">{t('beheer.schools_empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('beheer.schools_table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('beheer.school_name')}</th>
                <th scope="col">{t('beheer.school_brin')}</th>
                <th scope="col">{t('beheer.school_place')}</th>
                <th scope="col">{t('beheer.school_werkgebied')}</th>
                <th scope="col" className="num">{t('beheer.school_dossiers')}</th>
                <th scope="col">{t('beheer.school_actions')}</th>
              </tr>
            </thead>
            <tbody>
              {schools.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{s.brin}</td>
                  <td>{s.place}</td>
                  <td>{s.werkgebiedName}</td>
                  <td className="num">{formatNumber(s.dossierCount, lang)}</td>
                  <td>
                    <button type="button" className="button-link" aria-label={t('beheer.school_edit_label', { name: s.name })}
                      onClick={() => startEdit(s)}>
                      {t('beheer.school_edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="school-form-title" className="school-form">
        <h3 id="school-form-title">
          {values.id ? t('beheer.school_form_edit', { name: editingName }) : t('beheer.school_form_add')}
        </h3>
        <div className="form-grid">
          <TextField id="school-name" label={t('beheer.school_name')} value={values.name} onChange={set('name')} required
            error={err('name')} />
          <TextField id="school-brin" label={t('beheer.school_brin')} value={values.brin} onChange={set('brin')} required
            hint={t('beheer.brin_hint')} error={err('brin')} autoComplete="off" />
          <TextField id="school-place" label={t('beheer.school_place')} value={values.place} onChange={set('place')}
            error={err('place')} />
          <SelectField id="school-werkgebiedId" label={t('beheer.school_werkgebied')} value={values.werkgebiedId}
            onChange={set('werkgebiedId')} required error={err('werkgebiedId')}>
            <option value="">{t('common.choose')}</option>
            {werkgebieden.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectField>
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          {t('beheer.school_save')}
        </button>
        {values.id && (
          <button type="button" className="button-secondary" onClick={cancel}>
            {t('common.cancel')}
          </button>
        )}
      </form>
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      {done && <SuccessMessage>{done}</SuccessMessage>}
    </section>
  );
}
