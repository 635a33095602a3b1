// Werkgebieden: list, add, rename.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { werkgebiedInputSchema, type Werkgebied } from '../../../../shared/contract/index.js';
import { issuesOf } from '../../../../shared/domain/validation.js';
import { TextField } from '../../components/field.js';
import { ErrorMessage, SuccessMessage } from '../../components/status.js';
import { errorText, validationText } from '../../i18n.js';
import { ContractError, useTransport } from '../../transport/transport.js';

interface Props {
  werkgebieden: Werkgebied[];
  onSaved(): void;
}

/** Runs the shared schema, then the core; returns the field message key or a general failure. */
function useSaveWerkgebied(onSaved: () => void) {
  const transport = useTransport();
  const [busy, setBusy] = useState(false);
  const save = async (input: { id?: string; name: string }): Promise<{ fieldKey?: string; failure?: unknown; saved?: Werkgebied }> => {
    const parsed = werkgebiedInputSchema.safeParse(input);
    if (!parsed.success) return { fieldKey: issuesOf(parsed.error)[0]?.key ?? 'invalid' };
    setBusy(true);
    try {
      const saved = await transport.call('werkgebieden:save', input);
      onSaved();
      return { saved };
    } catch (err) {
      const field = err instanceof ContractError ? err.fields[0] : undefined;
      return field ? { fieldKey: field.key } : { failure: err };
    } finally {
      setBusy(false);
    }
  };
  return { save, busy };
}

export function WerkgebiedenSection({ werkgebieden, onSaved }: Props) {
  const { t } = useTranslation();
  const { save, busy } = useSaveWerkgebied(onSaved);
  const [name, setName] = useState('');
  const [fieldKey, setFieldKey] = useState('');
  const [failure, setFailure] = useState('');
  const [done, setDone] = useState('');
  const [editing, setEditing] = useState<{ id: string; original: string; name: string; fieldKey: string } | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    setFailure('');
    const r = await save({ name });
    setFieldKey(r.fieldKey ?? '');
    if (r.failure) setFailure(errorText(t, r.failure));
    if (r.saved) {
      setName('');
      setDone(t('beheer.wg_saved', { name: r.saved.name }));
    } else if (r.fieldKey) document.getElementById('wg-new-name')?.focus();
  };

  const rename = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    setDone('');
    setFailure('');
    const r = await save({ id: editing.id, name: editing.name });
    if (r.failure) setFailure(errorText(t, r.failure));
    if (r.saved) {
      setEditing(null);
      setDone(t('beheer.wg_saved', { name: r.saved.name }));
    } else setEditing({ ...editing, fieldKey: r.fieldKey ?? '' });
  };

  return (
    <section aria-labelledby="wg-title" className="card">
      <h2 id="wg-title">{t('beheer.wg_heading')}</h2>
      {werkgebieden.length === 0 ? (
        <p className="empty">{t('beheer.wg_empty')}</p>
      ) : (
        <ul className="wg-list">
          {werkgebieden.map((w) => (
            <li key={w.id}>
              {editing?.id === w.id ? (
                <form onSubmit={rename} noValidate className="inline-form">
                  <TextField
                    id={`wg-rename-${w.id}`}
                    label={t('beheer.wg_rename_label', { name: editing.original })}
                    value={editing.name}
                    onChange={(v) => setEditing({ ...editing, name: v, fieldKey: '' })}
                    required
                    error={editing.fieldKey ? validationText(t, editing.fieldKey) : undefined}
                  />
                  <button type="submit" className="button-primary" disabled={busy}>
                    {t('beheer.wg_save')}
                  </button>
                  <button type="button" className="button-secondary" onClick={() => setEditing(null)}>
                    {t('common.cancel')}
                  </button>
                </form>
              ) : (
                <>
                  <span className="wg-name">{w.name}</span>{' '}
                  <span className="wg-count">{t('beheer.wg_schools', { count: w.schoolCount })}</span>{' '}
                  <button
                    type="button"
                    className="button-link"
                    aria-label={t('beheer.wg_rename_button', { name: w.name })}
                    onClick={() => {
                      setEditing({ id: w.id, original: w.name, name: w.name, fieldKey: '' });
                      setTimeout(() => document.getElementById(`wg-rename-${w.id}`)?.focus(), 0);
                    }}
                  >
                    {t('beheer.wg_rename')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate className="inline-form">
        <TextField
          id="wg-new-name"
          label={t('beheer.wg_name')}
          value={name}
          onChange={(v) => {
            setName(v);
            setFieldKey('');
          }}
          required
          error={fieldKey ? validationText(t, fieldKey) : undefined}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {t('beheer.wg_add')}
        </button>
      </form>
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      {done && <SuccessMessage>{done}</SuccessMessage>}
    </section>
  );
}
