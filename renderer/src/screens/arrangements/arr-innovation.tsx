// On the overview: start a route 3 innovation project, which belongs to a werkgebied, not to a pupil.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Werkgebied } from '../../../../shared/contract/index.js';
import { SelectField } from '../../components/field.js';
import { ErrorMessage } from '../../components/status.js';
import { useStartAndOpen } from '../../components/use-async.js';
import { validationText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useTransport } from '../../transport/transport.js';
import { newInnovationInput } from './arr-draft.js';

export function NewInnovationProject({ werkgebieden }: { werkgebieden: Werkgebied[] }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [werkgebiedId, setWerkgebiedId] = useState('');
  const [missing, setMissing] = useState(false);
  const create = useStartAndOpen(
    () => transport.call('arrangements:create', { arrangement: newInnovationInput(werkgebiedId, t('arrangements.innovation_default_title')) }),
    (a) => paths.arrangement(a.id),
  );
  const start = () => {
    setMissing(!werkgebiedId);
    if (werkgebiedId) void create.run();
  };
  return (
    <section className="form-section" aria-labelledby="arr-innovation-title">
      <h2 id="arr-innovation-title">{t('arrangements.innovation_title')}</h2>
      <SelectField id="arr-innovation-werkgebied" label={t('arrangements.innovation_werkgebied')} value={werkgebiedId}
        error={missing ? validationText(t, 'werkgebied_required') : undefined}
        onChange={(v) => {
          setWerkgebiedId(v);
          setMissing(false);
        }}>
        <option value="">{t('common.choose')}</option>
        {werkgebieden.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
      </SelectField>
      <button type="button" className="button-secondary" onClick={start} disabled={create.busy} aria-busy={create.busy || undefined}>
        {create.busy ? t('arrangements.creating') : t('arrangements.innovation_create')}
      </button>
      {create.error && <ErrorMessage>{create.error}</ErrorMessage>}
    </section>
  );
}
