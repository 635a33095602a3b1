// Small async helpers shared by the dossier's document sections: load a list (with retry), show its
// loading/error state, and "create, then open it" buttons.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n.js';
import { navigate } from '../router/router.js';
import { Busy, ErrorMessage } from './status.js';

/** Loads with `load` (keep it stable with useCallback: a new function loads again). */
export function useList<T>(load: () => Promise<T>) {
  const [state, setState] = useState<{ data?: T; err?: unknown }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then((data) => live && setState({ data }), (err: unknown) => live && setState({ err }));
    return () => {
      live = false;
    };
  }, [load, attempt]);
  return { ...state, retry: () => setAttempt((a) => a + 1), set: (data: T) => setState({ data }) };
}

export function ListState({ err, loading, retry }: { err: unknown; loading: boolean; retry(): void }) {
  const { t } = useTranslation();
  if (err) {
    return (
      <ErrorMessage action={<button type="button" onClick={retry}>{t('common.retry')}</button>}>{errorText(t, err)}</ErrorMessage>
    );
  }
  return loading ? <Busy>{t('common.loading')}</Busy> : null;
}

/** A button's action: `busy` while it runs, its failure as a Dutch (or English) message in `error`. */
export function useAction(action: () => Promise<unknown>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** Runs `start` (e.g. a create call), then opens the route `open` gives for its result. */
export function useStartAndOpen<T>(start: () => Promise<T>, open: (v: T) => string) {
  return useAction(async () => navigate(open(await start())));
}
