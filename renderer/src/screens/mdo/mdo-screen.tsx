// `#/dossiers/<id>/mdo/<mdoId>`: loads the MDO, its dossier (parents, betrokkenen) and the
// dossier's kindgesprekken, then shows MdoView.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Mdo, Output } from '../../../../shared/contract/index.js';
import { Link } from '../../components/link.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useTransport } from '../../transport/transport.js';
import { MdoView } from './mdo-view.js';

interface Loaded {
  mdo: Mdo;
  dossier: Dossier;
  kindgesprekken: Output<'kindgesprek:list'>;
}

export function MdoScreen({ dossierId, id, autosaveDelayMs }: { dossierId: string; id: string; autosaveDelayMs?: number }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [attempt, setAttempt] = useState(0);
  const key = `${id}|${attempt}`;
  const [state, setState] = useState<{ key: string; data?: Loaded; err?: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      transport.call('mdo:get', { id }),
      transport.call('dossiers:get', { id: dossierId }),
      transport.call('kindgesprek:list', { dossierId }),
    ]).then(
      ([mdo, dossier, kindgesprekken]) => live && setState({ key, data: { mdo, dossier, kindgesprekken } }),
      (err: unknown) => live && setState({ key, err }),
    );
    return () => {
      live = false;
    };
  }, [transport, id, dossierId, key]);

  const current = state?.key === key ? state : null;
  useDocumentTitle(current?.data ? null : t('mdo.loading'));
  if (current?.err) {
    return (
      <div>
        <h1>{t('common.error_title')}</h1>
        <ErrorMessage action={<button type="button" onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>}>
          {errorText(t, current.err)}
        </ErrorMessage>
        <p><Link to={paths.dossier(dossierId)}>{t('mdo.back')}</Link></p>
      </div>
    );
  }
  if (!current?.data) {
    return (
      <div>
        <h1 className="visually-hidden">{t('mdo.loading')}</h1>
        <Busy>{t('mdo.loading')}</Busy>
      </div>
    );
  }
  return <MdoView {...current.data} autosaveDelayMs={autosaveDelayMs} />;
}
