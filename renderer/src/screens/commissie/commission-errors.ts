// A commission action's busy state and error: the core's specific message (errors.<key>) in the chosen language.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n.js';
import { ContractError } from '../../transport/transport.js';

/** Like useAction; `validation` failures go to `onInvalid` when given. */
export function useCommissionAction(action: () => Promise<unknown>, onInvalid?: (fields: { path: string; key: string }[]) => string) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (err) {
      if (onInvalid && err instanceof ContractError && err.code === 'validation') setError(onInvalid(err.fields));
      else setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}
