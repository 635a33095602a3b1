// One dossier on screen: the editor state, autosave status line, close/reopen, create.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Output, School } from '../../../../shared/contract/index.js';
import { fullName } from '../../../../shared/domain/dossier.js';
import { Link } from '../../components/link.js';
import { DocumentHistory } from '../../components/document-history.js';
import { SaveStatusLine, useSaveOnLeave } from '../../components/save-status.js';
import { ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText, validationText } from '../../i18n.js';
import { useCan } from '../../roles/use-can.js';
import { navigate, paths } from '../../router/router.js';
import { useSession } from '../../stores/session-store.js';
import { useSyncStore } from '../../stores/sync-store.js';
import { useTransport } from '../../transport/transport.js';
import { DossierEditor, type EditorSnapshot } from './dossier-editor.js';
import { DossierDocuments } from './dossier-documents.js';
import { DossierExport } from './dossier-export.js';
import { NotesField, PupilFields, SchoolFields } from './dossier-fields.js';
import { DossierTimeline } from './dossier-timeline.js';
import { fieldId } from './draft.js';
import { InvolvedFields, ParentsFields } from './people-fields.js';

interface Props {
  initial: Dossier | null;
  schools: School[];
  users: Output<'users:list'>;
  autosaveDelayMs?: number;
  /** A created dossier is handed to the next screen so it is not fetched again. */
  onCreated?(d: Dossier): void;
}

export function DossierView({ initial, schools, users, autosaveDelayMs, onCreated }: Props) {
  const { t } = useTranslation();
  const transport = useTransport();
  const profile = useSession((s) => s.profile);
  const [editor] = useState(
    () => new DossierEditor(transport, initial, autosaveDelayMs, profile?.role === 'consulent' ? profile.userId : ''),
  );
  const snap = useSyncExternalStore(editor.subscribe, editor.getSnapshot, editor.getSnapshot);
  const [action, setAction] = useState<'' | 'close' | 'reopen' | 'reload'>('');
  const [actionError, setActionError] = useState('');
  const saved = snap.saved;
  const closed = saved?.status === 'afgesloten';
  // The secretary reads dossiers but does not write them (shared/contract/roles.ts).
  const canWrite = useCan('dossiers:update');
  const readOnly = closed || !canWrite;
  const title = (saved ? fullName(saved) : fullName(snap.draft)) || t('dossier.title_new');
  useDocumentTitle(title);

  useEffect(() => () => editor.dispose(), [editor]);

  useSaveOnLeave(editor);
  useRefreshAfterSync(editor, saved?.id ?? null);

  const errorOf = (path: string) => {
    const key = errorKeyOf(snap, path);
    return key ? validationText(t, key) : undefined;
  };
  const edit = editor.edit.bind(editor);
  const sectionProps = { draft: snap.draft, errorOf, edit, readOnly };

  const focusFirstError = () => {
    const s = editor.getSnapshot();
    const path = Object.keys(s.serverErrors)[0] ?? Object.keys(s.clientErrors)[0];
    if (path) document.getElementById(fieldId(path))?.focus();
  };

  const create = async () => {
    const d = await editor.create();
    if (!d) return focusFirstError();
    onCreated?.(d);
    await navigate(paths.dossier(d.id), { replace: true, force: true });
  };

  const closeOrReopen = async (kind: 'close' | 'reopen') => {
    if (!saved) return;
    setActionError('');
    setAction(kind);
    try {
      if (kind === 'close' && !(await editor.flush())) {
        focusFirstError();
        return;
      }
      editor.replaceSaved(await transport.call(kind === 'close' ? 'dossiers:close' : 'dossiers:reopen', { id: saved.id }));
    } catch (err) {
      setActionError(errorText(t, err));
    } finally {
      setAction('');
    }
  };

  const reload = async () => {
    if (!saved) return;
    setAction('reload');
    try {
      editor.reset(await transport.call('dossiers:get', { id: saved.id }));
    } catch (err) {
      setActionError(errorText(t, err));
    } finally {
      setAction('');
    }
  };

  return (
    <div className="dossier">
      <p className="back-link">
        <Link to={paths.dossiers}>{t('dossier.back')}</Link>
      </p>
      <div className="screen-head">
        <h1>{title}</h1>
        {saved && (
          <p className="dossier-status">
            <span className={`badge badge-${saved.status}`}>
              {t('dossier.status_value', { status: t(`enums.status.${saved.status}`) })}
            </span>
          </p>
        )}
      </div>
      <div className="save-bar">
        <SaveStatusLine
          ns="dossier"
          status={snap.status}
          updatedAt={saved?.updatedAt ?? null}
          failure={snap.failure}
          savingText={saved ? undefined : t('dossier.creating')}
        />
        {snap.status === 'failed' && saved && (
          <button type="button" className="button-secondary" onClick={() => void editor.flush()}>
            {t('common.retry')}
          </button>
        )}
        {snap.status === 'conflict' && (
          <button type="button" className="button-secondary" onClick={reload} disabled={action !== ''}>
            {t('dossier.reload')}
          </button>
        )}
        {saved && canWrite && !closed && (
          <button type="button" className="button-secondary" onClick={() => closeOrReopen('close')} disabled={action !== ''}>
            {t('dossier.close')}
          </button>
        )}
        {saved && canWrite && closed && (
          <button type="button" className="button-secondary" onClick={() => closeOrReopen('reopen')} disabled={action !== ''}>
            {t('dossier.reopen')}
          </button>
        )}
      </div>
      {closed && <p className="message message-info">{t('errors.closed_readonly')}</p>}
      {orphanErrors(snap).length > 0 && (
        <ErrorMessage>
          {orphanErrors(snap)
            .map(([path, key]) => `${t(`dossier.field.${path.split('.')[0]}`, { defaultValue: path })}: ${validationText(t, key)}`)
            .join(' ')}
        </ErrorMessage>
      )}
      {actionError && <ErrorMessage>{actionError}</ErrorMessage>}
      <form className="dossier-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <PupilFields {...sectionProps} />
        <SchoolFields {...sectionProps} schools={schools} users={users} werkgebiedName={saved?.werkgebiedName} />
        <ParentsFields {...sectionProps} />
        <InvolvedFields {...sectionProps} />
        <NotesField {...sectionProps} />
        {!saved && (
          <button type="button" className="button-primary" onClick={create} disabled={snap.status === 'saving'}>
            {t('dossier.create')}
          </button>
        )}
      </form>
      {saved && <DossierDocuments dossier={saved} />}
      {saved && <DossierTimeline events={saved.timeline} dossierId={saved.id} />}
      {saved && <DossierExport dossier={saved} />}
      {saved && <DocumentHistory entity="dossier" id={saved.id} />}
    </div>
  );
}

/** Paths that have a control on screen; the core's messages for any other path are listed apart. */
const FIELD_PATH_RE =
  /^(voornaam|tussenvoegsel|achternaam|geboortedatum|groep|schoolId|consulentId|niveau|notes|parents\.\d+\.(name|relation|gezag|phone|email)|involved\.\d+\.(role|name|organisation))$/;

function orphanErrors(s: EditorSnapshot): [string, string][] {
  return Object.entries(s.serverErrors).filter(([path]) => !FIELD_PATH_RE.test(path));
}

function errorKeyOf(s: EditorSnapshot, path: string): string | undefined {
  return s.serverErrors[path] ?? (s.showAll || s.touched.has(path) ? s.clientErrors[path] : undefined);
}

/**
 * A finished sync may have brought someone else's change to this dossier: show it at once when
 * nothing typed here is waiting (with unsaved typing, the next save meets the usual conflict flow).
 */
function useRefreshAfterSync(editor: DossierEditor, id: string | null): void {
  const transport = useTransport();
  const lastSyncAt = useSyncStore((s) => s.status?.lastSyncAt ?? null);
  const [seen] = useState(() => ({ at: lastSyncAt }));
  useEffect(() => {
    if (!id || lastSyncAt === seen.at) return;
    seen.at = lastSyncAt;
    let live = true;
    void transport.call('dossiers:get', { id }).then(
      (fresh) => {
        const current = editor.getSnapshot().saved;
        if (live && current && !editor.dirty && fresh.version !== current.version) editor.replaceSaved(fresh);
      },
      () => undefined, // the screen keeps what it shows; a later save reports any problem
    );
    return () => {
      live = false;
    };
  }, [editor, id, lastSyncAt, seen, transport]);
}
