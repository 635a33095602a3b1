// `#/tlv/<id>`: the TLV application — autosaving concept, the live "Nog nodig" list, documents and
// the two deskundigenadviezen with uploads, "Compleet maken", "Indienen" and the decision clock.
import { useTranslation } from 'react-i18next';
import type { Output, Tlv } from '../../../../shared/contract/index.js';
import { DEFAULT_CATEGORIES, TLV_CONSENT, TLV_KINDS, TLV_TYPES, defaultPeriodEnd } from '../../../../shared/domain/tlv.js';
import { todayInAmsterdam } from '../../../../shared/domain/validation.js';
import { formatDate } from '../../../../shared/format.js';
import { SelectField, TextArea, TextField } from '../../components/field.js';
import { Link } from '../../components/link.js';
import { RadioGroup } from '../../components/radio-group.js';
import { SaveStatusLine, useAutosaveEditor } from '../../components/save-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { validationText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { Loaded } from '../../components/loaded.js';
import { useTransport } from '../../transport/transport.js';
import { createTlvEditor, missingOf, tlvFieldId as fid, type TlvDraft } from './tlv-draft.js';
import { TlvAdvices, TlvDocuments } from './tlv-sections.js';
import { TlvSubmitBar } from './tlv-submit.js';
import { DocumentHistory } from '../../components/document-history.js';
import { DecisionPanel, SentBackBanner } from '../commissie/commission-parts.js';

type Settings = Output<'budgets:settings'>;
interface Opts { autosaveDelayMs?: number | undefined }

export function TlvScreen({ id, autosaveDelayMs }: { id: string } & Opts) {
  const { t } = useTranslation();
  const transport = useTransport();
  // The settings only label the categories: without them the TLV still opens with the default labels.
  const load = () => Promise.all([transport.call('tlv:get', { id }), transport.call('budgets:settings', {}).catch(() => null)]);
  return (
    <Loaded loadKey={id} load={load} loadingText={t('tlv.loading')}>
      {([tlv, settings]: [Tlv, Settings | null]) => <TlvView tlv={tlv} settings={settings} autosaveDelayMs={autosaveDelayMs} />}
    </Loaded>
  );
}

export function TlvView({ tlv, settings, autosaveDelayMs }: { tlv: Tlv; settings: Settings | null } & Opts) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const { editor, snap, errorOf } = useAutosaveEditor(() => createTlvEditor(transport, tlv, autosaveDelayMs));
  const saved = snap.saved;
  const d = snap.draft;
  const readOnly = editor.readOnly;
  const title = t('tlv.editor_title', { name: saved.dossierName });
  useDocumentTitle(title);
  const edit = editor.edit.bind(editor);
  const set = <K extends keyof TlvDraft>(k: K, v: TlvDraft[K]) => edit((x) => ({ ...x, [k]: v }), [k]);
  const missing = readOnly ? [] : missingOf(d, saved.requiredDocuments);
  const categories = settings?.tlvCategories ?? DEFAULT_CATEGORIES.map((k) => ({ key: k, label: t(`enums.tlv_category.${k}`) }));
  const defaultEnd = defaultPeriodEnd(d.periodStart || todayInAmsterdam());
  const props = { draft: d, tlvId: saved.id, readOnly, errorOf, edit, requiredDocuments: saved.requiredDocuments };

  return (
    <div className="tlv">
      <p className="back-link"><Link to={paths.dossier(saved.dossierId)}>{t('tlv.back_to', { name: saved.dossierName })}</Link></p>
      <div className="screen-head">
        <h1>{title}</h1>
        <p><span className={`badge badge-tlv-${saved.status}`}>{t(`enums.tlv_status.${saved.status}`)}</span></p>
      </div>
      <div className="save-bar">
        <SaveStatusLine ns="tlv" status={snap.status} updatedAt={saved.updatedAt} failure={snap.failure} />
        {snap.status === 'failed' && (
          <button type="button" className="button-secondary" onClick={() => void editor.flush()}>{t('common.retry')}</button>
        )}
        {snap.status === 'conflict' && (
          <button type="button" className="button-secondary"
            onClick={() => void transport.call('tlv:get', { id: saved.id }).then((x) => editor.reset(x))}>{t('tlv.reload')}</button>
        )}
      </div>
      {saved.status === 'aanvullen' && <SentBackBanner sendBack={saved.sendBack} />}
      <DecisionPanel decision={saved.commissionDecision}
        categoryLabel={(k) => categories.find((c) => c.key === k)?.label ?? k} />
      {saved.decisionDue && (
        <p className="message message-info">{t('tlv.decision_due', { date: formatDate(saved.decisionDue, lang) })}</p>
      )}
      {!readOnly && (
        <section className="form-section missing-list" aria-labelledby="tlv-missing-title">
          <h2 id="tlv-missing-title">{t('tlv.missing_title')}</h2>
          {missing.length === 0 ? (
            <p>{t('tlv.missing_none')}</p>
          ) : (
            <ul aria-live="polite">
              {missing.map((m) => (
                <li key={`${m.path}|${m.key}`}>
                  <a href={`#${fid(m.path)}`} onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(fid(m.path))?.focus();
                  }}>{t('tlv.missing_item', { what: whatOf(t, m.path), message: validationText(t, m.key) })}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <form className="tlv-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <section className="form-section" aria-labelledby="tlv-basis">
          <h2 id="tlv-basis">{t('tlv.section_basis')}</h2>
          <SelectField id={fid('type')} label={t('tlv.type')} value={d.type} disabled={readOnly} error={errorOf('type')}
            onChange={(v) => set('type', v as TlvDraft['type'])}>
            {TLV_TYPES.map((x) => <option key={x} value={x}>{t(`enums.tlv_type.${x}`)}</option>)}
          </SelectField>
          <SelectField id={fid('kind')} label={t('tlv.kind')} value={d.kind} disabled={readOnly} error={errorOf('kind')}
            onChange={(v) => set('kind', v as TlvDraft['kind'])}>
            {TLV_KINDS.map((x) => <option key={x} value={x}>{t(`enums.tlv_kind.${x}`)}</option>)}
          </SelectField>
          <TextField id={fid('receivingSchool')} label={t('tlv.receiving_school')} value={d.receivingSchool ?? ''} disabled={readOnly}
            error={errorOf('receivingSchool')} onChange={(v) => set('receivingSchool', v)} />
          <SelectField id={fid('category')} label={t('tlv.category')} value={d.category} disabled={readOnly} error={errorOf('category')}
            onChange={(v) => set('category', v)}>
            <option value="">{t('tlv.choose')}</option>
            {categories.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
          </SelectField>
          <TextField id={fid('periodStart')} type="date" label={t('tlv.period_start')} value={d.periodStart} disabled={readOnly}
            error={errorOf('periodStart')} onChange={(v) => set('periodStart', v)} />
          <TextField id={fid('periodEnd')} type="date" label={t('tlv.period_end')} value={d.periodEnd} disabled={readOnly}
            hint={t('tlv.period_end_hint', { date: formatDate(defaultEnd, lang) })} error={errorOf('periodEnd')}
            onChange={(v) => set('periodEnd', v)} />
          {d.kind !== 'eerste_aanvraag' && (
            <TextField id={fid('previousTlvNumber')} label={t('tlv.previous_number')} value={d.previousTlvNumber ?? ''} disabled={readOnly}
              error={errorOf('previousTlvNumber')} onChange={(v) => set('previousTlvNumber', v)} />
          )}
        </section>
        <TlvDocuments {...props} />
        <section className="form-section" aria-labelledby="tlv-views">
          <h2 id="tlv-views">{t('tlv.section_views')}</h2>
          <TextArea id={fid('parentsView')} label={t('tlv.parents_view')} value={d.parentsView ?? ''} rows={4} disabled={readOnly}
            error={errorOf('parentsView')} onChange={(v) => set('parentsView', v)} />
          <RadioGroup id={fid('consent')} legend={t('tlv.consent')} value={d.consent.besluit} options={TLV_CONSENT}
            labelOf={(c) => t(`enums.consent.${c}`)} disabled={readOnly} error={errorOf('consent')}
            onChange={(v) => edit((x) => ({ ...x, consent: { ...x.consent, besluit: v } }), ['consent'])} />
          <TextField id={fid('consent.datum')} type="date" label={t('tlv.consent_date')} value={d.consent.datum} disabled={readOnly}
            error={errorOf('consent.datum')} onChange={(v) => edit((x) => ({ ...x, consent: { ...x.consent, datum: v } }), ['consent'])} />
          <TextField id={fid('consent.byName')} label={t('tlv.consent_by')} value={d.consent.byName ?? ''} disabled={readOnly}
            error={errorOf('consent.byName')} onChange={(v) => edit((x) => ({ ...x, consent: { ...x.consent, byName: v } }), ['consent.byName'])} />
          <TextArea id={fid('childView')} label={t('tlv.child_view')} value={d.childView ?? ''} rows={4} disabled={readOnly}
            error={errorOf('childView')} onChange={(v) => set('childView', v)} />
        </section>
        <TlvAdvices {...props} />
        <TextArea id={fid('toelichting')} label={t('tlv.toelichting')} value={d.toelichting ?? ''} rows={3} disabled={readOnly}
          error={errorOf('toelichting')} onChange={(v) => set('toelichting', v)} />
      </form>
      <TlvSubmitBar editor={editor} missingCount={missing.length} />
      <DocumentHistory entity="tlv" id={saved.id} />
    </div>
  );
}

function whatOf(t: (k: string, o?: Record<string, unknown>) => string, path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'advices') return t('tlv.advice_n', { n: Number(parts[1]) + 1 });
  if (parts[0] === 'documents') return t(`enums.tlv_document.${parts[1]}`, { defaultValue: parts[1] });
  if (parts[0] === 'consent') return t('tlv.consent');
  if (parts[0] === 'parentsView') return t('tlv.parents_view');
  if (parts[0] === 'childView') return t('tlv.child_view');
  return path;
}
