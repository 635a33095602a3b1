// `#/arrangementen/<id>`: the arrangement — autosaving concept form, budget effect, status actions,
// consent recorded, PDF. Read-only once submitted (the actions stay).
import { useTranslation } from 'react-i18next';
import type { Arrangement, School } from '../../../../shared/contract/index.js';
import { formatDate } from '../../../../shared/format.js';
import { Link } from '../../components/link.js';
import { PdfButton } from '../../components/pdf-button.js';
import { SaveStatusLine, useAutosaveEditor } from '../../components/save-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { navigate, paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { Loaded } from '../../components/loaded.js';
import { useTransport } from '../../transport/transport.js';
import { ArrActions } from './arr-actions.js';
import { BudgetEffectPanel } from './arr-budget.js';
import { createArrEditor, draftTotal } from './arr-draft.js';
import { ArrFields } from './arr-fields.js';
import { DocumentHistory } from '../../components/document-history.js';
import { DecisionPanel, SentBackBanner } from '../commissie/commission-parts.js';

interface Opts { autosaveDelayMs?: number | undefined; budgetDelayMs?: number | undefined }

export function ArrangementScreen({ id, ...opts }: { id: string } & Opts) {
  const { t } = useTranslation();
  const transport = useTransport();
  return (
    <Loaded
      loadKey={id}
      load={async () => {
        const arrangement = await transport.call('arrangements:get', { id });
        // The werkgebied's schools, for a group across schools; without them the rest still works.
        const schools = await transport.call('schools:list', { werkgebiedId: arrangement.werkgebiedId }).catch(() => []);
        return { arrangement, schools };
      }}
      loadingText={t('arrangements.loading')}
      back={<Link to={paths.arrangementen}>{t('arrangements.back_overview')}</Link>}
    >
      {({ arrangement, schools }) => <ArrangementView arrangement={arrangement} schools={schools} {...opts} />}
    </Loaded>
  );
}

export function ArrangementView({ arrangement, schools = [], autosaveDelayMs, budgetDelayMs }: { arrangement: Arrangement; schools?: School[] } & Opts) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const { editor, snap, errorOf } = useAutosaveEditor(() => createArrEditor(transport, arrangement, autosaveDelayMs));
  const saved = snap.saved;
  const readOnly = editor.readOnly;
  const title = t('arrangements.editor_title', { title: saved.title || t('arrangements.untitled') });
  useDocumentTitle(title);
  const reload = async () => editor.reset(await transport.call('arrangements:get', { id: saved.id }));
  const onDone = (a: Arrangement) => {
    if (a.id !== saved.id) void navigate(paths.arrangement(a.id));
    else editor.replaceSaved(a);
  };

  return (
    <div className="arrangement">
      {saved.dossierId && (
        <p className="back-link"><Link to={paths.dossier(saved.dossierId)}>{t('arrangements.back_to', { name: saved.dossierName })}</Link></p>
      )}
      <div className="screen-head">
        <h1>{title}</h1>
        <p><span className={`badge badge-arr-${saved.status}`}>{t(`enums.arr_status.${saved.status}`)}</span></p>
      </div>
      <p>{t('arrangements.meta', { werkgebied: saved.werkgebiedName, school: saved.schoolName || '—' })}</p>
      <div className="save-bar">
        <SaveStatusLine ns="arrangements" status={snap.status} updatedAt={saved.updatedAt} failure={snap.failure} />
        {snap.status === 'failed' && (
          <button type="button" className="button-secondary" onClick={() => void editor.flush()}>{t('common.retry')}</button>
        )}
        {snap.status === 'conflict' && (
          <button type="button" className="button-secondary" onClick={() => void reload()}>{t('arrangements.reload')}</button>
        )}
        <PdfButton label={t('arrangements.pdf')} busyLabel={t('arrangements.pdf_busy')}
          before={() => (readOnly ? Promise.resolve(true) : editor.flush())}
          load={() => transport.call('arrangements:pdf', { id: saved.id })} />
      </div>
      {saved.status === 'aanvullen' && <SentBackBanner sendBack={saved.sendBack} />}
      <DecisionPanel decision={saved.commissionDecision} />
      {readOnly && <p className="message message-info">{t('arrangements.readonly_banner')}</p>}
      {saved.followUpOf && <p><Link to={paths.arrangement(saved.followUpOf)}>{t('arrangements.follow_up_of')}</Link></p>}
      {saved.followedBy && <p><Link to={paths.arrangement(saved.followedBy)}>{t('arrangements.followed_by')}</Link></p>}
      <form className="arr-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <ArrFields draft={snap.draft} schools={schools} readOnly={readOnly} errorOf={errorOf} edit={editor.edit.bind(editor)} />
      </form>
      <BudgetEffectPanel werkgebiedId={saved.werkgebiedId} amountCents={draftTotal(snap.draft)} startDate={snap.draft.startDate}
        excludeId={saved.id} delayMs={budgetDelayMs} />
      <section className="form-section" aria-labelledby="arr-consent">
        <h2 id="arr-consent">{t('arrangements.consent_title')}</h2>
        {saved.consent.length === 0 ? (
          <p className="empty">{t('arrangements.consent_none')}</p>
        ) : (
          <ul>
            {saved.consent.map((c) => (
              <li key={c.parentId}>
                {t('arrangements.consent_line', {
                  name: c.parentName, besluit: t(`enums.consent.${c.besluit}`), datum: c.datum ? formatDate(c.datum, lang) : '—',
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ArrActions arrangement={saved} before={() => (readOnly ? Promise.resolve(true) : editor.flush())} onDone={onDone} />
      <DocumentHistory entity="arrangement" id={saved.id} />
    </div>
  );
}
