// The consultant's view of a kindgesprek: every topic at a glance, observations, what may be
// shared, the summary (required to finish), finish, child mode, PDFs. Read-only once afgerond.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Kindgesprek } from '../../../../shared/contract/index.js';
import { fullName } from '../../../../shared/domain/dossier.js';
import { formatDate, formatDateTime } from '../../../../shared/format.js';
import { Checkbox, TextArea } from '../../components/field.js';
import { Link } from '../../components/link.js';
import { PdfButton } from '../../components/pdf-button.js';
import { SaveStatusLine, useAutosaveEditor } from '../../components/save-status.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { ContractError, useTransport } from '../../transport/transport.js';
import { createKgEditor, type KgDraft } from './kg-draft.js';
import { DocumentHistory } from '../../components/document-history.js';

interface Props {
  initial: Kindgesprek;
  dossier: Dossier;
  autosaveDelayMs?: number | undefined;
}

export function KgProfessional({ initial, dossier, autosaveDelayMs }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const { editor, snap, errorOf } = useAutosaveEditor(() => createKgEditor(transport, initial, autosaveDelayMs));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const saved = snap.saved;
  const draft = snap.draft;
  const readOnly = editor.readOnly;
  const title = t('kindgesprek.title', { date: formatDate(saved.datum, lang), name: fullName(dossier) });
  useDocumentTitle(title);
  const edit = (update: (d: KgDraft) => KgDraft, p: string[]) => editor.edit(update, p);

  const finish = async () => {
    setFailure('');
    if (!draft.samenvatting.trim()) {
      editor.showServerErrors([{ path: 'samenvatting', key: 'required' }]);
      document.getElementById('kg-samenvatting')?.focus();
      return;
    }
    setBusy(true);
    try {
      if (!(await editor.flush())) return setFailure(t('kindgesprek.finish_unsaved'));
      const s = editor.getSnapshot().saved;
      editor.replaceSaved(await transport.call('kindgesprek:finish', { id: s.id, baseRevision: s.revision }));
      // The finish button goes away: continue at the banner that says it is done.
      setTimeout(() => document.getElementById('kg-finished-banner')?.focus(), 0);
    } catch (err) {
      if (err instanceof ContractError && err.code === 'validation') editor.showServerErrors(err.fields);
      setFailure(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const pdf = (version: 'kind' | 'professional') => (
    <PdfButton label={t(`kindgesprek.pdf_${version}`)} busyLabel={t('kindgesprek.pdf_busy')}
      before={() => (readOnly ? Promise.resolve(true) : editor.flush())}
      load={() => transport.call('kindgesprek:pdf', { id: saved.id, version })} />
  );
  const scale = (n: number | null) => (n ? String(n) : t('kindgesprek.scale_none'));

  return (
    <div className="kg-professional">
      <p className="back-link"><Link to={paths.dossier(dossier.id)}>{t('mdo.back_to', { name: fullName(dossier) })}</Link></p>
      <div className="screen-head">
        <h1>{title}</h1>
        <p className="dossier-status">
          <span className={`badge badge-kg-${saved.status}`}>{t(`enums.kg_status.${saved.status}`)}</span>{' '}
          <span>{t(`enums.kg_age.${saved.leeftijd}`)}</span>
        </p>
      </div>
      <div className="save-bar">
        <SaveStatusLine ns="kindgesprek" status={snap.status} updatedAt={saved.updatedAt} failure={snap.failure} />
        {!readOnly && (
          <Link className="button-link-look" to={paths.kindgesprekKind(dossier.id, saved.id)}>{t('kindgesprek.to_child_mode')}</Link>
        )}
        {pdf('kind')}
        {pdf('professional')}
      </div>
      {readOnly && (
        <p className="message message-info" id="kg-finished-banner" tabIndex={-1}>
          {t('kindgesprek.finished_banner', { when: saved.afgerondAt ? formatDateTime(saved.afgerondAt, lang) : '' })}
        </p>
      )}
      <section className="form-section" aria-labelledby="kg-topics-title">
        <h2 id="kg-topics-title">{t('kindgesprek.topics_title')}</h2>
        <ol className="kg-topics">
          {draft.topics.map((x) => (
            <li key={x.topic}>
              <h3>{t(`kg_prompt.${draft.leeftijd}.${x.topic}`)}</h3>
              <dl className="kg-answers">
                <dt>{t('kindgesprek.smiley')}</dt>
                <dd>{x.smiley ? t(`enums.smiley.${x.smiley}`) : t('kindgesprek.scale_none')}</dd>
                <dt>{t('kindgesprek.nu_doel')}</dt>
                <dd>{t('kindgesprek.nu_doel_value', { nu: scale(x.nu), doel: scale(x.doel) })}</dd>
                <dt>{t('kindgesprek.woorden')}</dt>
                <dd className="kg-words">{x.woorden || t('kindgesprek.no_words')}</dd>
              </dl>
            </li>
          ))}
        </ol>
      </section>
      <section className="form-section" aria-labelledby="kg-share-title">
        <h2 id="kg-share-title">{t('kindgesprek.share_title')}</h2>
        <Checkbox id="kg-delen-ouders" label={t('kindgesprek.delenMetOuders')} checked={draft.delenMetOuders} disabled={readOnly}
          onChange={(v) => edit((d) => ({ ...d, delenMetOuders: v }), ['delenMetOuders'])} />
        <Checkbox id="kg-delen-school" label={t('kindgesprek.delenMetSchool')} checked={draft.delenMetSchool} disabled={readOnly}
          onChange={(v) => edit((d) => ({ ...d, delenMetSchool: v }), ['delenMetSchool'])} />
        <TextArea id="kg-delen-toelichting" label={t('kindgesprek.delen_toelichting')} rows={2} value={draft.delenToelichting}
          disabled={readOnly} onChange={(v) => edit((d) => ({ ...d, delenToelichting: v }), ['delenToelichting'])}
          error={errorOf('delenToelichting')} />
      </section>
      <section className="form-section" aria-labelledby="kg-pro-title">
        <h2 id="kg-pro-title">{t('kindgesprek.professional_title')}</h2>
        <TextArea id="kg-observaties" label={t('kindgesprek.observaties')} rows={5} value={draft.observaties} disabled={readOnly}
          hint={t('kindgesprek.observaties_hint')} error={errorOf('observaties')}
          onChange={(v) => edit((d) => ({ ...d, observaties: v }), ['observaties'])} />
        <TextArea id="kg-samenvatting" label={t('kindgesprek.samenvatting')} rows={5} value={draft.samenvatting} disabled={readOnly}
          required hint={t('kindgesprek.samenvatting_hint')} error={errorOf('samenvatting')}
          onChange={(v) => edit((d) => ({ ...d, samenvatting: v }), ['samenvatting'])} />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        {busy && <Busy>{t('kindgesprek.finishing')}</Busy>}
        {!readOnly && (
          <button type="button" className="button-primary" onClick={finish} disabled={busy}>{t('kindgesprek.finish')}</button>
        )}
      </section>
      <DocumentHistory entity="kindgesprek" id={saved.id} />
    </div>
  );
}
