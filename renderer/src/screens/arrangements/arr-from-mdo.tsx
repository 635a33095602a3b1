// In the MDO: "Arrangement opstellen uit dit MDO" → arrangements:create with fromMdoId (the core
// pre-fills the goals from the MDO's cruciale doelen/afspraken), then opens it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Mdo } from '../../../../shared/contract/index.js';
import { ErrorMessage } from '../../components/status.js';
import { errorText } from '../../i18n.js';
import { navigate, paths } from '../../router/router.js';
import { useTransport } from '../../transport/transport.js';
import { newArrangementInput } from './arr-draft.js';

export function ArrFromMdoButton({ dossier, mdo, before }: { dossier: Dossier; mdo: Mdo; before(): Promise<boolean> }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (dossier.status === 'afgesloten') return null;
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      if (!(await before())) return;
      const arrangement = { ...newArrangementInput(dossier, t('arrangements.default_title')), mdoId: mdo.id };
      const a = await transport.call('arrangements:create', { arrangement, fromMdoId: mdo.id });
      await navigate(paths.arrangement(a.id));
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="form-section" aria-labelledby="mdo-arr-title">
      <h2 id="mdo-arr-title">{t('arrangements.from_mdo_title')}</h2>
      <button type="button" className="button-secondary" onClick={() => void run()} disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('arrangements.creating') : t('arrangements.from_mdo')}
      </button>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </section>
  );
}
