// "Compleet maken" (blocked while items are missing; the core's refusal is shown at the fields)
// and "Indienen" once complete.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/status.js';
import { errorText } from '../../i18n.js';
import { ContractError, useTransport } from '../../transport/transport.js';
import type { TlvEditor } from './tlv-draft.js';

export function TlvSubmitBar({ editor, missingCount }: { editor: TlvEditor; missingCount: number }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const saved = editor.getSnapshot().saved;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [blocked, setBlocked] = useState(false);

  const run = async (action: 'tlv:markComplete' | 'tlv:submit') => {
    setError('');
    if (action === 'tlv:markComplete' && missingCount > 0) {
      setBlocked(true);
      document.getElementById('tlv-missing-title')?.scrollIntoView?.();
      return;
    }
    setBusy(true);
    try {
      if (!(await editor.flush())) {
        setError(t('tlv.save_invalid'));
        return;
      }
      const cur = editor.getSnapshot().saved;
      editor.replaceSaved(await transport.call(action, { id: cur.id, baseRevision: cur.revision }));
      setBlocked(false);
    } catch (err) {
      if (err instanceof ContractError && err.code === 'validation') {
        editor.showServerErrors(err.fields);
        setError(t('tlv.complete_refused'));
      } else setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  // aanvullen: sent back by the commission; completed and submitted again like a concept.
  const editable = saved.status === 'concept' || saved.status === 'aanvullen';
  if (!editable && saved.status !== 'compleet') return null;
  return (
    <section className="form-section" aria-labelledby="tlv-submit-title">
      <h2 id="tlv-submit-title">{t('tlv.submit_title')}</h2>
      {editable ? (
        <button type="button" onClick={() => void run('tlv:markComplete')} disabled={busy} aria-describedby="tlv-complete-help">
          {busy ? t('tlv.busy') : t('tlv.mark_complete')}
        </button>
      ) : (
        <button type="button" onClick={() => void run('tlv:submit')} disabled={busy}>{busy ? t('tlv.busy') : t('tlv.submit')}</button>
      )}
      <p id="tlv-complete-help" className="field-hint">
        {editable ? t('tlv.complete_help') : t('tlv.submit_help')}
      </p>
      {blocked && missingCount > 0 && (
        <p role="alert" className="message message-error">{t('tlv.complete_blocked', { count: missingCount })}</p>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </section>
  );
}
