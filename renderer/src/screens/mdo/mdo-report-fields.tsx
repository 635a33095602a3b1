// Verslag: the text of the meeting, factors per source, afspraken; then the child's voice and the
// closing fields (regiehouder, visie ouders, evaluatiedatum).
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.js';
import { FACTOR_SOURCES } from '../../../../shared/domain/mdo.js';
import { formatDate } from '../../../../shared/format.js';
import { SelectField, TextArea, TextField } from '../../components/field.js';
import { useLanguage } from '../../stores/language-store.js';
import { emptyAfspraak, mdoFieldId, type AfspraakDraft, type MdoDraft } from './mdo-draft.js';
import type { MdoSectionProps } from './mdo-prep-fields.js';

type TextKey =
  | 'ondersteuningsvraagSchool' | 'ondersteuningsvraagOuders' | 'ondersteuningsvraagKind' | 'watGaatGoed' | 'zorgen'
  | 'onderwijsbehoeften' | 'ondersteuningsbehoefteLeerkracht' | 'crucialeDoelen' | 'visieOuders' | 'stemVanHetKind'
  | 'wegingKindvisie';

function useText({ draft, errorOf, edit, readOnly }: MdoSectionProps) {
  const { t } = useTranslation();
  return (key: TextKey, rows = 4) => (
    <TextArea id={mdoFieldId(key)} label={t(`mdo.field.${key}`)} value={draft[key]} rows={rows} disabled={readOnly}
      onChange={(v) => edit((d) => ({ ...d, [key]: v }), [key])} error={errorOf(key)} />
  );
}

export function MdoReportFields(p: MdoSectionProps) {
  const { t } = useTranslation();
  const text = useText(p);
  const { draft, errorOf, edit, readOnly } = p;
  const factors = (kind: 'stimulerend' | 'belemmerend') => (
    <fieldset className="factors">
      <legend>{t(`mdo.field.${kind}`)}</legend>
      <div className="form-grid">
        {FACTOR_SOURCES.map((src) => (
          <TextArea key={src} id={mdoFieldId(`${kind}.${src}`)} label={t(`enums.factor.${src}`)} rows={3}
            value={draft[kind][src]} disabled={readOnly} error={errorOf(`${kind}.${src}`)}
            onChange={(v) => edit((d) => ({ ...d, [kind]: { ...d[kind], [src]: v } }), [`${kind}.${src}`])} />
        ))}
      </div>
    </fieldset>
  );
  return (
    <section className="form-section" aria-labelledby="mdo-report-title">
      <h2 id="mdo-report-title">{t('mdo.section_report')}</h2>
      {text('ondersteuningsvraagSchool')}
      {text('ondersteuningsvraagOuders')}
      {text('ondersteuningsvraagKind')}
      {text('watGaatGoed')}
      {text('zorgen')}
      {factors('stimulerend')}
      {factors('belemmerend')}
      {text('onderwijsbehoeften')}
      {text('ondersteuningsbehoefteLeerkracht')}
      {text('crucialeDoelen')}
      <AfsprakenFields draft={draft} errorOf={errorOf} edit={edit} readOnly={readOnly} />
    </section>
  );
}

function AfsprakenFields({ draft, errorOf, edit, readOnly }: MdoSectionProps) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<AfspraakDraft>, field: string) =>
    edit((d) => ({ ...d, afspraken: d.afspraken.map((a, j) => (j === i ? { ...a, ...patch } : a)) }), [`afspraken.${i}.${field}`]);
  return (
    <fieldset className="repeat-list">
      <legend>{t('mdo.afspraken')}</legend>
      {draft.afspraken.length === 0 && <p className="empty">{t('mdo.afspraken_empty')}</p>}
      {draft.afspraken.map((a, i) => (
        <fieldset key={a.key} className="repeat-row">
          <legend>{t('mdo.afspraak_legend', { n: i + 1 })}</legend>
          <div className="form-grid">
            <TextField id={mdoFieldId(`afspraken.${i}.wat`)} label={t('mdo.afspraak_wat')} value={a.wat} required
              disabled={readOnly} autoComplete="off" onChange={(v) => change(i, { wat: v }, 'wat')} error={errorOf(`afspraken.${i}.wat`)} />
            <TextField id={mdoFieldId(`afspraken.${i}.wie`)} label={t('mdo.afspraak_wie')} value={a.wie}
              disabled={readOnly} autoComplete="off" onChange={(v) => change(i, { wie: v }, 'wie')} error={errorOf(`afspraken.${i}.wie`)} />
            <TextField id={mdoFieldId(`afspraken.${i}.wanneer`)} type="date" label={t('mdo.afspraak_wanneer')} value={a.wanneer}
              disabled={readOnly} onChange={(v) => change(i, { wanneer: v }, 'wanneer')} error={errorOf(`afspraken.${i}.wanneer`)} />
          </div>
          {!readOnly && (
            <button type="button" className="button-secondary"
              onClick={() => edit((d) => ({ ...d, afspraken: d.afspraken.filter((_, j) => j !== i) }), ['afspraken'])}>
              {t('mdo.afspraak_remove', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" className="button-secondary" onClick={() => {
          edit((d) => ({ ...d, afspraken: [...d.afspraken, emptyAfspraak()] }), []);
          setTimeout(() => document.getElementById(mdoFieldId(`afspraken.${draft.afspraken.length}.wat`))?.focus(), 0);
        }}>
          {t('mdo.afspraak_add')}
        </button>
      )}
    </fieldset>
  );
}

type KgRow = Output<'kindgesprek:list'>[number];

export function MdoChildVoiceFields(p: MdoSectionProps & { kindgesprekken: KgRow[] }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const text = useText(p);
  const { draft, errorOf, edit, readOnly, kindgesprekken } = p;
  const finished = kindgesprekken.filter((k) => k.status === 'afgerond' || k.id === draft.kindgesprekId);
  const linked = finished.find((k) => k.id === draft.kindgesprekId);
  const copy = () =>
    edit((d: MdoDraft) => {
      const add = linked?.samenvatting ?? '';
      return { ...d, stemVanHetKind: d.stemVanHetKind.trim() ? `${d.stemVanHetKind}\n\n${add}` : add };
    }, ['stemVanHetKind']);
  return (
    <section className="form-section" aria-labelledby="mdo-child-title">
      <h2 id="mdo-child-title">{t('mdo.section_child')}</h2>
      <SelectField id={mdoFieldId('kindgesprekId')} label={t('mdo.kindgesprek')} value={draft.kindgesprekId ?? ''}
        disabled={readOnly} error={errorOf('kindgesprekId')} hint={finished.length ? undefined : t('mdo.kindgesprek_none')}
        onChange={(v) => edit((d) => ({ ...d, kindgesprekId: v || null }), ['kindgesprekId'])}>
        <option value="">{t('mdo.kindgesprek_not_linked')}</option>
        {finished.map((k) => (
          <option key={k.id} value={k.id}>{t('mdo.kindgesprek_option', { date: formatDate(k.datum, lang) })}</option>
        ))}
      </SelectField>
      {!readOnly && linked && (
        <p>
          <button type="button" className="button-secondary" onClick={copy} disabled={!linked.samenvatting}>
            {t('mdo.copy_summary')}
          </button>
        </p>
      )}
      {text('stemVanHetKind', 5)}
      {text('wegingKindvisie', 3)}
    </section>
  );
}

export function MdoClosingFields(p: MdoSectionProps) {
  const { t } = useTranslation();
  const text = useText(p);
  const { draft, errorOf, edit, readOnly } = p;
  return (
    <section className="form-section" aria-labelledby="mdo-closing-title">
      <h2 id="mdo-closing-title">{t('mdo.section_closing')}</h2>
      <TextField id={mdoFieldId('regiehouder')} label={t('mdo.field.regiehouder')} value={draft.regiehouder} disabled={readOnly}
        autoComplete="off" onChange={(v) => edit((d) => ({ ...d, regiehouder: v }), ['regiehouder'])} error={errorOf('regiehouder')} />
      {text('visieOuders')}
      <TextField id={mdoFieldId('evaluatiedatum')} type="date" label={t('mdo.field.evaluatiedatum')} value={draft.evaluatiedatum}
        disabled={readOnly} onChange={(v) => edit((d) => ({ ...d, evaluatiedatum: v }), ['evaluatiedatum'])}
        error={errorOf('evaluatiedatum')} />
    </section>
  );
}
