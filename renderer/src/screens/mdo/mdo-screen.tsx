// `#/dossiers/<id>/mdo/<mdoId>`: loads the MDO, its dossier (parents, betrokkenen) and the
// dossier's kindgesprekken, then shows MdoView.
import { useTranslation } from 'react-i18next';
import type { Dossier, Mdo, Output } from '../../../../shared/contract/index.js';
import { Link } from '../../components/link.js';
import { paths } from '../../router/router.js';
import { Loaded } from '../../components/loaded.js';
import { useTransport } from '../../transport/transport.js';
import { MdoView } from './mdo-view.js';

interface LoadedMdo {
  mdo: Mdo;
  dossier: Dossier;
  kindgesprekken: Output<'kindgesprek:list'>;
}

export function MdoScreen({ dossierId, id, autosaveDelayMs }: { dossierId: string; id: string; autosaveDelayMs?: number }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const load = async (): Promise<LoadedMdo> => {
    const [mdo, dossier, kindgesprekken] = await Promise.all([
      transport.call('mdo:get', { id }),
      transport.call('dossiers:get', { id: dossierId }),
      transport.call('kindgesprek:list', { dossierId }),
    ]);
    return { mdo, dossier, kindgesprekken };
  };
  return (
    <Loaded loadKey={id} load={load} loadingText={t('mdo.loading')} back={<Link to={paths.dossier(dossierId)}>{t('mdo.back')}</Link>}>
      {(data) => <MdoView {...data} autosaveDelayMs={autosaveDelayMs} />}
    </Loaded>
  );
}
