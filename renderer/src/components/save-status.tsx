// The autosave status line ("Opgeslagen om 14:32", aria-live) and the leave guards an autosaving
// screen needs. Shared by the dossier, MDO and kindgesprek screens; `ns` picks their own i18n keys.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/format.js';
import { errorText, validationText } from '../i18n.js';
import { addLeaveGuard } from '../router/router.js';
import { useLanguage } from '../stores/language-store.js';
import type { AutosaveEditor, SaveStatus } from './autosave.js';

interface Props {
  ns: 'dossier' | 'mdo' | 'kindgesprek' | 'arrangements' | 'tlv';
  status: SaveStatus;
  /** When the document was last saved; null while it does not exist yet. */
  updatedAt: string | null;
  failure: unknown;
  /** Replaces the "saving" text (e.g. "creating" for a new document). */
  savingText?: string;
  id?: string;
}

export function SaveStatusLine({ ns, status, updatedAt, failure, savingText, id = 'save-status' }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const text = (() => {
    switch (status) {
      case 'pending':
      case 'saving':
        return savingText ?? t(`${ns}.save_saving`);
      case 'saved':
        return updatedAt ? t(`${ns}.save_saved`, { time: formatTime(updatedAt, lang) }) : '';
      case 'invalid':
        return t(`${ns}.save_invalid`);
      case 'failed':
        return t(`${ns}.save_failed`, { message: errorText(t, failure) });
      case 'conflict':
        return t('errors.conflict');
      default:
        return '';
    }
  })();
  return (
    <p role="status" aria-live="polite" className={`save-status save-${status}`} id={id}>
      {text}
    </p>
  );
}

interface Flushable {
  readonly dirty: boolean;
  flush(): Promise<boolean>;
  save(): Promise<void>;
}

/** Leaving: save what is pending first; ask only when it cannot be saved. Also on tab close. */
export function useSaveOnLeave(editor: Flushable): void {
  const { t } = useTranslation();
  useEffect(
    () =>
      addLeaveGuard(async () => {
        if (!editor.dirty) return true;
        if (await editor.flush()) return true;
        return window.confirm(t('common.unsaved_confirm'));
      }),
    [editor, t],
  );
  useSaveBeforeUnload(editor);
}

/** Closing the tab or window: start saving what is pending and let the browser ask. */
export function useSaveBeforeUnload(editor: Flushable): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!editor.dirty) return;
      void editor.save();
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [editor]);
}

/**
 * The wiring every autosaving document screen needs: the editor (made once), its snapshot, saving on
 * leave and on tab close, disposal, and the translated message for a field.
 */
export function useAutosaveEditor<D, S>(create: () => AutosaveEditor<D, S>) {
  const { t } = useTranslation();
  const [editor] = useState(create);
  const snap = useSyncExternalStore(editor.subscribe, editor.getSnapshot, editor.getSnapshot);
  useSaveOnLeave(editor);
  useEffect(() => () => editor.dispose(), [editor]);
  const errorOf = (path: string): string | undefined => {
    const key = editor.errorKey(path);
    return key ? validationText(t, key) : undefined;
  };
  return { editor, snap, errorOf };
}
