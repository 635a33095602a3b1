// The pupil, school and notes fields of a dossier.
import { useTranslation } from 'react-i18next';
import type { School } from '../../../../shared/contract/index.js';
import { GROEPEN, NIVEAUS, type Groep, type Role } from '../../../../shared/domain/dossier.js';
import { SelectField, TextArea, TextField } from '../../components/field.js';
import { fieldId, type DossierDraft, type OpenStatus } from './draft.js';

const OPEN_STATUSES: readonly OpenStatus[] = ['aangemeld', 'lopend'];

export interface SectionProps {
  draft: DossierDraft;
  /** Translated message for a field path, if any. */
  errorOf(path: string): string | undefined;
  edit(update: (d: DossierDraft) => DossierDraft, paths: string[]): void;
  readOnly: boolean;
}

type TextKey = 'voornaam' | 'tussenvoegsel' | 'achternaam' | 'geboortedatum';

export function PupilFields({ draft, errorOf, edit, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const text = (key: TextKey, required = false) => (
    <TextField
      id={fieldId(key)}
      label={t(`dossier.${key}`)}
      value={draft[key]}
      onChange={(v) => edit((d) => ({ ...d, [key]: v }), [key])}
      required={required}
      disabled={readOnly}
      autoComplete="off"
      error={errorOf(key)}
    />
  );
  return (
    <fieldset className="form-section">
      <legend>{t('dossier.section_pupil')}</legend>
      <div className="form-grid">
        {text('voornaam', true)}
        {text('tussenvoegsel')}
        {text('achternaam', true)}
        <TextField
          id={fieldId('geboortedatum')}
          label={t('dossier.geboortedatum')}
          type="date"
          value={draft.geboortedatum}
          onChange={(v) => edit((d) => ({ ...d, geboortedatum: v }), ['geboortedatum'])}
          required
          disabled={readOnly}
          error={errorOf('geboortedatum')}
        />
        <SelectField
          id={fieldId('groep')}
          label={t('dossier.groep')}
          value={draft.groep}
          onChange={(v) => edit((d) => ({ ...d, groep: v as Groep | '' }), ['groep'])}
          required
          disabled={readOnly}
          error={errorOf('groep')}
        >
          {draft.groep === '' && <option value="">{t('common.choose')}</option>}
          <optgroup label={t('enums.groep_po')}>
            {GROEPEN.filter((g) => g.startsWith('g')).map((g) => (
              <option key={g} value={g}>
                {t(`enums.groep.${g}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('enums.groep_vo')}>
            {GROEPEN.filter((g) => g.startsWith('l')).map((g) => (
              <option key={g} value={g}>
                {t(`enums.groep.${g}`)}
              </option>
            ))}
          </optgroup>
        </SelectField>
      </div>
    </fieldset>
  );
}

interface SchoolProps extends SectionProps {
  schools: School[];
  users: { id: string; name: string; role: Role }[];
  werkgebiedName?: string | undefined;
}

export function SchoolFields({ draft, errorOf, edit, readOnly, schools, users, werkgebiedName }: SchoolProps) {
  const { t } = useTranslation();
  const groups = new Map<string, School[]>();
  for (const s of [...schools].sort((a, b) => a.werkgebiedName.localeCompare(b.werkgebiedName, 'nl') || a.name.localeCompare(b.name, 'nl'))) {
    const list = groups.get(s.werkgebiedName) ?? [];
    list.push(s);
    groups.set(s.werkgebiedName, list);
  }
  const chosen = schools.find((s) => s.id === draft.schoolId);
  const wgName = chosen?.werkgebiedName ?? werkgebiedName;
  return (
    <fieldset className="form-section">
      <legend>{t('dossier.section_school')}</legend>
      <div className="form-grid">
        <div>
          <SelectField
            id={fieldId('schoolId')}
            label={t('dossier.school')}
            value={draft.schoolId}
            onChange={(v) => edit((d) => ({ ...d, schoolId: v }), ['schoolId'])}
            required
            disabled={readOnly}
            error={errorOf('schoolId')}
            hint={wgName ? t('dossier.werkgebied_value', { name: wgName }) : undefined}
          >
            <option value="">{t('common.choose')}</option>
            {[...groups].map(([wg, list]) => (
              <optgroup key={wg} label={wg}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.brin ? `${s.name} (${s.brin})` : s.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
        <SelectField
          id={fieldId('consulentId')}
          label={t('dossier.consulent')}
          value={draft.consulentId}
          onChange={(v) => edit((d) => ({ ...d, consulentId: v }), ['consulentId'])}
          disabled={readOnly}
          error={errorOf('consulentId')}
        >
          <option value="">{t('common.none')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={fieldId('niveau')}
          label={t('dossier.niveau')}
          value={String(draft.niveau)}
          onChange={(v) => edit((d) => ({ ...d, niveau: Number(v) }), ['niveau'])}
          disabled={readOnly}
          error={errorOf('niveau')}
        >
          {NIVEAUS.map((n) => (
            <option key={n} value={n}>
              {t(`enums.niveau.${n}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={fieldId('status')}
          label={t('dossier.status')}
          value={draft.status}
          onChange={(v) => edit((d) => ({ ...d, status: v as OpenStatus }), ['status'])}
          disabled={readOnly}
          error={errorOf('status')}
        >
          {OPEN_STATUSES.map((st) => (
            <option key={st} value={st}>
              {t(`enums.status.${st}`)}
            </option>
          ))}
        </SelectField>
      </div>
    </fieldset>
  );
}

export function NotesField({ draft, errorOf, edit, readOnly }: SectionProps) {
  const { t } = useTranslation();
  return (
    <TextArea
      id={fieldId('notes')}
      label={t('dossier.notes')}
      value={draft.notes}
      onChange={(v) => edit((d) => ({ ...d, notes: v }), ['notes'])}
      disabled={readOnly}
      error={errorOf('notes')}
      rows={8}
      className="form-section"
    />
  );
}
