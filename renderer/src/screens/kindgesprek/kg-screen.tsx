// `#/dossiers/<id>/kindgesprek/<kgId>` (professional) and `…/kind` (child mode): loads the
// conversation, then shows the chosen mode.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Kindgesprek } from '../../../../shared/contract/index.js';
import { Link } from '../../components/link.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useTransport } from '../../transport/transport.js';
import { KgChildMode } from './kg-child-mode.js';
import { KgProfessional } from './kg-professional.js';

interface Props {
  dossierId: string;
  id: string;
  mode: 'kind' | 'professional';
  autosaveDelayMs?: number;
}

export function KindgesprekScreen({ dossierId, id, mode, autosaveDelayMs }: Props) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [attempt, setAttempt] = useState(0);
  const key = `${id}|${attempt}`;
  const [state, setState] = useState<{ key: string; kg?: Kindgesprek; dossier?: Dossier; err?: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([transport.call('kindgesprek:get', { id }), transport.call('dossiers:get', { id: dossierId })]).then(
      ([kg, dossier]) => live && setState({ key, kg, dossier }),
      (err: unknown) => live && setState({ key, err }),
    );
    return () => {
      live = false;
    };
  }, [transport, id, dossierId, key]);

  const current = state?.key === key ? state : null;
  useDocumentTitle(current?.kg ? null : t('kindgesprek.loading'));
  if (current?.err) {
    return (
      <div className={mode === 'kind' ? 'child-mode' : undefined}>
        <h1>{t('common.error_title')}</h1>
        <ErrorMessage action={<button type="button" onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>}>
          {errorText(t, current.err)}
        </ErrorMessage>
        <p><Link to={paths.dossier(dossierId)}>{t('mdo.back')}</Link></p>
      </div>
    );
  }
  if (!current?.kg || !current.dossier) {
    return (
      <div className={mode === 'kind' ? 'child-mode' : undefined}>
        <h1 className="visually-hidden">{t('kindgesprek.loading')}</h1>
        <Busy>{t('kindgesprek.loading')}</Busy>
      </div>
    );
  }
  return mode === 'kind' ? (
    <KgChildMode initial={current.kg} autosaveDelayMs={autosaveDelayMs} />
  ) : (
    <KgProfessional initial={current.kg} dossier={current.dossier} autosaveDelayMs={autosaveDelayMs} />
  );
}
