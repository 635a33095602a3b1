// The versions of an MDO (each openable) and the correction of a finalised verslag: a reason is
// required; the core makes a new concept version and the old one stays readable.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mdo } from '../../../../shared/contract/index.js';
import { formatDateTime } from '../../../../shared/format.js';
import { Dialog } from '../../components/dialog.js';
import { TextArea } from '../../components/field.js';
import { Link } from '../../components/link.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { errorText, validationText } from '../../i18n.js';
import { navigate, paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { ContractError, useTransport } from '../../transport/transport.js';

export function MdoVersions({ mdo }: { mdo: Mdo }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  return (
    <section className="form-section" aria-labelledby="mdo-versions-title">
      <h2 id="mdo-versions-title">{t('mdo.versions')}</h2>
      <ol className="version-list">
        {mdo.versions.map((v) => {
          const label = t('mdo.version_label', { n: v.version, status: t(`enums.mdo_status.${v.status}`) });
          return (
            <li key={v.id}>
              {v.id === mdo.id ? (
                <strong aria-current="page">{label}</strong>
              ) : (
                <Link to={paths.mdo(mdo.dossierId, v.id)}>{label}</Link>
              )}
              {v.vastgesteldAt && <span> · {t('mdo.vastgesteld_at', { when: formatDateTime(v.vastgesteldAt, lang) })}</span>}
              {v.correctieReden && <p className="version-reason">{t('mdo.correctie_reden', { reason: v.correctieReden })}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function CorrectButton({ mdo }: { mdo: Mdo }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!reason.trim()) {
      setError(validationText(t, 'required'));
      document.getElementById('mdo-correct-reason')?.focus();
      return;
    }
    setBusy(true);
    setFailure('');
    try {
      const next = await transport.call('mdo:correct', { id: mdo.id, reason });
      setOpen(false);
      await navigate(paths.mdo(mdo.dossierId, next.id), { force: true });
    } catch (err) {
      if (err instanceof ContractError && err.code === 'validation' && err.fields.some((f) => f.path === 'reason')) {
        setError(validationText(t, err.fields.find((f) => f.path === 'reason')!.key));
      } else {
        setFailure(errorText(t, err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        {t('mdo.correct')}
      </button>
      {open && (
        <Dialog title={t('mdo.correct_title')} onCancel={() => !busy && setOpen(false)}>
          <p>{t('mdo.correct_intro')}</p>
          <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
            <TextArea id="mdo-correct-reason" label={t('mdo.correct_reason')} value={reason} rows={4} required
              onChange={(v) => { setReason(v); setError(''); }} error={error} />
            {failure && <ErrorMessage>{failure}</ErrorMessage>}
            {busy && <Busy>{t('mdo.correcting')}</Busy>}
            <div className="button-row">
              <button type="submit" className="button-primary" disabled={busy}>{t('mdo.correct_submit')}</button>
              <button type="button" onClick={() => setOpen(false)} disabled={busy}>{t('common.cancel')}</button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
