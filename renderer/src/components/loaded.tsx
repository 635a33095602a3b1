// Loads what a screen shows, then renders it: a busy state while loading, a translated error with
// "Opnieuw proberen" (and an optional way back) when it fails. `loadKey` names what is loaded (the id):
// a new key loads again.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n.js';
import { Busy, ErrorMessage } from './status.js';
import { useDocumentTitle } from './use-document-title.js';

interface Props<T> {
  loadKey: string;
  load(): Promise<T>;
  loadingText: string;
  back?: ReactNode;
  className?: string;
  children(data: T): ReactNode;
}

export function Loaded<T>({ loadKey, load, loadingText, back, className, children }: Props<T>) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const key = `${loadKey}|${attempt}`;
  const [state, setState] = useState<{ key: string; data: T } | { key: string; err: unknown } | null>(null);
  // The latest `load` without making a new function per render a reason to load again.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => live && setState({ key, data }),
      (err: unknown) => live && setState({ key, err }),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const current = state?.key === key ? state : null;
  useDocumentTitle(current && 'data' in current ? null : loadingText);
  if (current && 'err' in current) {
    return (
      <div className={className}>
        <h1>{t('common.error_title')}</h1>
        <ErrorMessage action={<button type="button" onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>}>
          {errorText(t, current.err)}
        </ErrorMessage>
        {back && <p>{back}</p>}
      </div>
    );
  }
  if (!current) {
    return (
      <div className={className}>
        <h1 className="visually-hidden">{loadingText}</h1>
        <Busy>{loadingText}</Busy>
      </div>
    );
  }
  return <>{children(current.data)}</>;
}
