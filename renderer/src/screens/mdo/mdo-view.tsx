// One MDO on screen: autosaving form (concept) or read-only record (vastgesteld / older version),
// save status, PDFs, finalise panel, correction and versions.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Mdo, Output } from '../../../../shared/contract/index.js';
import { fullName } from '../../../../shared/domain/dossier.js';
import { formatDate, formatDateTime } from '../../../../shared/format.js';
import { Link } from '../../components/link.js';
import { PdfButton } from '../../components/pdf-button.js';
import { SaveStatusLine, useAutosaveEditor } from '../../components/save-status.js';
import { ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { ArrFromMdoButton } from '../arrangements/arr-from-mdo.js';
import { createMdoEditor } from './mdo-draft.js';
import { MdoFinalisePanel } from './mdo-finalise.js';
import { MdoPrepFields } from './mdo-prep-fields.js';
import { MdoChildVoiceFields, MdoClosingFields, MdoReportFields } from './mdo-report-fields.js';
import { CorrectButton, MdoVersions } from './mdo-versions.js';
import { DocumentHistory } from '../../components/document-history.js';

interface Props {
  mdo: Mdo;
  dossier: Dossier;
  kindgesprekken: Output<'kindgesprek:list'>;
  autosaveDelayMs?: number | undefined;
}

export function MdoView({ mdo, dossier, kindgesprekken, autosaveDelayMs }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const { editor, snap, errorOf } = useAutosaveEditor(() => createMdoEditor(transport, mdo, autosaveDelayMs));
  const [reloadError, setReloadError] = useState('');
  const saved = snap.saved;
  const readOnly = editor.readOnly;
  const title = t('mdo.title', { date: formatDate(saved.datum, lang), name: fullName(dossier) });
  useDocumentTitle(title);
  const sectionProps = { draft: snap.draft, errorOf, edit: editor.edit.bind(editor), readOnly };
  const newest = saved.versions[saved.versions.length - 1];

  const reload = async () => {
    try {
      editor.reset(await transport.call('mdo:get', { id: saved.id }));
    } catch (err) {
      setReloadError(errorText(t, err));
    }
  };
  // The panel (and the button that had focus) goes away: continue at the read-only banner.
  const onFinalised = (m: Mdo) => {
    editor.replaceSaved(m);
    setTimeout(() => document.getElementById('mdo-readonly-banner')?.focus(), 0);
  };
  const pdf = (document: 'verslag' | 'praatpapier') => (
    <PdfButton label={t(`mdo.pdf_${document}`)} busyLabel={t('mdo.pdf_busy')}
      before={() => (readOnly ? Promise.resolve(true) : editor.flush())}
      load={() => transport.call('mdo:pdf', { id: saved.id, document })} />
  );

  return (
    <div className="mdo">
      <p className="back-link"><Link to={paths.dossier(dossier.id)}>{t('mdo.back_to', { name: fullName(dossier) })}</Link></p>
      <div className="screen-head">
        <h1>{title}</h1>
        <p className="dossier-status">
          <span className={`badge badge-mdo-${saved.status}`}>
            {t('mdo.status_value', { status: t(`enums.mdo_status.${saved.status}`), n: saved.version })}
          </span>
        </p>
      </div>
      <div className="save-bar">
        <SaveStatusLine ns="mdo" status={snap.status} updatedAt={saved.updatedAt} failure={snap.failure} />
        {snap.status === 'failed' && (
          <button type="button" className="button-secondary" onClick={() => void editor.flush()}>{t('common.retry')}</button>
        )}
        {snap.status === 'conflict' && (
          <button type="button" className="button-secondary" onClick={reload}>{t('mdo.reload')}</button>
        )}
        {pdf('praatpapier')}
        {pdf('verslag')}
      </div>
      {reloadError && <ErrorMessage>{reloadError}</ErrorMessage>}
      {saved.supersededBy ? (
        <div className="message message-info">
          <p>{t('mdo.superseded_banner', { n: saved.version })}</p>
          {newest && <p><Link to={paths.mdo(dossier.id, newest.id)}>{t('mdo.open_newest', { n: newest.version })}</Link></p>}
        </div>
      ) : saved.status === 'vastgesteld' ? (
        <div className="message message-info readonly-banner" id="mdo-readonly-banner" tabIndex={-1}>
          <p>
            {t('mdo.vastgesteld_banner', {
              when: saved.vastgesteldAt ? formatDateTime(saved.vastgesteldAt, lang) : '',
              name: saved.vastgesteldByName ?? '',
            })}
          </p>
          <CorrectButton mdo={saved} />
        </div>
      ) : null}
      {saved.correctieReden && <p className="message message-info">{t('mdo.correctie_reden', { reason: saved.correctieReden })}</p>}
      {saved.status === 'vastgesteld' && saved.consent.length > 0 && (
        <section className="form-section" aria-labelledby="mdo-consent-title">
          <h2 id="mdo-consent-title">{t('mdo.consent_recorded')}</h2>
          <ul>
            {saved.consent.map((c) => (
              <li key={c.parentId}>
                {c.datum && c.wijze
                  ? t('mdo.consent_line', {
                    name: c.parentName, besluit: t(`enums.consent.${c.besluit}`),
                    datum: formatDate(c.datum, lang), wijze: t(`enums.consent_way.${c.wijze}`),
                  })
                  : t('mdo.consent_line_short', { name: c.parentName, besluit: t(`enums.consent.${c.besluit}`) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form className="mdo-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <MdoPrepFields {...sectionProps} dossier={dossier} />
        <MdoReportFields {...sectionProps} />
        <MdoChildVoiceFields {...sectionProps} kindgesprekken={kindgesprekken} />
        <MdoClosingFields {...sectionProps} />
      </form>
      {!readOnly && <MdoFinalisePanel editor={editor} dossier={dossier} onDone={onFinalised} />}
      <ArrFromMdoButton dossier={dossier} mdo={saved} before={() => (readOnly ? Promise.resolve(true) : editor.flush())} />
      <MdoVersions mdo={saved} />
      <DocumentHistory entity="mdo" id={saved.id} />
    </div>
  );
}
