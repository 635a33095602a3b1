// Search box (debounced) and filters of the dossier list; their state lives in the list store.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { School, Werkgebied } from '../../../../shared/contract/index.js';
import { DOSSIER_STATUSES, NIVEAUS, type DossierStatus, type Niveau } from '../../../../shared/domain/dossier.js';
import { Checkbox, SelectField, TextField } from '../../components/field.js';
import { useDossierList } from '../../stores/dossier-list-store.js';
import { useTransport } from '../../transport/transport.js';

export const SEARCH_DEBOUNCE_MS = 120;

export function DossierFilters() {
  const { t } = useTranslation();
  const transport = useTransport();
  const f = useDossierList();
  const setFilters = f.set;
  const [text, setText] = useState(f.query);
  const [werkgebieden, setWerkgebieden] = useState<Werkgebied[]>([]);
  const [schools, setSchools] = useState<School[]>([]);

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setFilters({ query: text.trim() }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setFilters]);

  useEffect(() => {
    transport.call('werkgebieden:list', {}).then(setWerkgebieden, () => setWerkgebieden([]));
  }, [transport]);

  useEffect(() => {
    const input = f.werkgebiedId ? { werkgebiedId: f.werkgebiedId } : {};
    transport.call('schools:list', input).then(setSchools, () => setSchools([]));
  }, [transport, f.werkgebiedId]);

  const hasFilters = f.query || f.werkgebiedId || f.schoolId || f.status || f.niveau !== '' || f.mine;

  return (
    <div className="filters" role="search">
      <TextField
        id="dl-search"
        type="search"
        label={t('dossiers.search')}
        hint={t('dossiers.search_hint')}
        value={text}
        onChange={setText}
        autoComplete="off"
        maxLength={200}
        className="filters-search"
      />
      <SelectField id="dl-werkgebied" label={t('dossiers.werkgebied')} value={f.werkgebiedId} onChange={(v) => setFilters({ werkgebiedId: v })}>
        <option value="">{t('dossiers.all_werkgebieden')}</option>
        {werkgebieden.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="dl-school" label={t('dossiers.school')} value={f.schoolId} onChange={(v) => setFilters({ schoolId: v })}>
        <option value="">{t('dossiers.all_schools')}</option>
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="dl-status"
        label={t('dossiers.status')}
        value={f.status}
        onChange={(v) => setFilters({ status: v as DossierStatus | '' })}
      >
        <option value="">{t('dossiers.all_statuses')}</option>
        {DOSSIER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`enums.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="dl-niveau"
        label={t('dossiers.niveau')}
        value={String(f.niveau)}
        onChange={(v) => setFilters({ niveau: v === '' ? '' : (Number(v) as Niveau) })}
      >
        <option value="">{t('dossiers.all_niveaus')}</option>
        {NIVEAUS.map((n) => (
          <option key={n} value={n}>
            {t(`enums.niveau.${n}`)}
          </option>
        ))}
      </SelectField>
      <Checkbox id="dl-mine" label={t('dossiers.mine')} checked={f.mine} onChange={(v) => setFilters({ mine: v })} />
      {hasFilters && (
        <button
          type="button"
          className="button-link"
          onClick={() => {
            setText('');
            f.reset();
          }}
        >
          {t('dossiers.reset')}
        </button>
      )}
    </div>
  );
}
