// The association's retention rules: years after closing a dossier, and 3 or 7 years for TLV data.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionSettingsInput } from '../../../../shared/contract/index.js';
import { TLV_YEARS } from '../../../../shared/domain/retention.js';
import { TextField } from '../../components/field.js';
import { RadioGroup } from '../../components/radio-group.js';
import { ErrorMessage, SuccessMessage } from '../../components/status.js';
import { useAction } from '../../components/use-async.js';
import { useCan } from '../../roles/use-can.js';
import { useTransport } from '../../transport/transport.js';

export function RetentionRules({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  // Everyone may read the rules; the secretary and the beheerder change them (shared/contract/roles.ts).
  const canSave = useCan('retention:saveSettings');
  const [form, setForm] = useState<{ years: string; tlvYears: RetentionSettingsInput['tlvYears'] } | null>(null);
  const [saved, setSaved] = useState(false);
  const [loadErr, setLoadErr] = useState<unknown>(null);
  useEffect(() => {
    transport.call('retention:settings', {}).then(
      (s) => setForm({ years: String(s.dossierClosedYears), tlvYears: s.tlvYears }),
      (err: unknown) => setLoadErr(err ?? true),
    );
  }, [transport]);

  const years = Number(form?.years);
  const invalid = form !== null && !(Number.isInteger(years) && years >= 1 && years <= 20);
  const save = useAction(async () => {
    if (!form || invalid) return;
    setSaved(false);
    const s = await transport.call('retention:saveSettings', { dossierClosedYears: years, tlvYears: form.tlvYears });
    setForm({ years: String(s.dossierClosedYears), tlvYears: s.tlvYears });
    setSaved(true);
    onSaved();
  });

  return (
    <section className="form-section" aria-labelledby="retention-rules">
      <h2 id="retention-rules">{t('retention.rules_title')}</h2>
      {loadErr ? <ErrorMessage>{t('errors.internal')}</ErrorMessage> : null}
      {form && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <TextField
            id="retention-dossier-years"
            label={t('retention.dossier_years')}
            hint={t('retention.dossier_years_hint')}
            value={form.years}
            onChange={(v) => setForm({ ...form, years: v.replace(/[^0-9]/g, '') })}
            error={invalid ? t('validation.invalid') : undefined}
            required
            disabled={!canSave}
          />
          <RadioGroup
            id="retention-tlv-years"
            legend={t('retention.tlv_years')}
            value={String(form.tlvYears)}
            options={TLV_YEARS.map(String)}
            labelOf={(v) => t('retention.tlv_years_option', { count: Number(v) })}
            onChange={(v) => setForm({ ...form, tlvYears: Number(v) as RetentionSettingsInput['tlvYears'] })}
            disabled={!canSave}
          />
          {canSave ? <button type="submit" disabled={save.busy}>{t('retention.save')}</button> : <p>{t('retention.rules_readonly')}</p>}
          {save.error && <ErrorMessage>{save.error}</ErrorMessage>}
          {saved && !save.error && <SuccessMessage>{t('retention.saved')}</SuccessMessage>}
        </form>
      )}
    </section>
  );
}
