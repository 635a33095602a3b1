// `#/dossiers/<id>/kindgesprek/<kgId>` (professional) and `…/kind` (child mode): loads the
// conversation, then shows the chosen mode.
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/link.js';
import { paths } from '../../router/router.js';
import { Loaded } from '../../components/loaded.js';
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
  const load = () => Promise.all([transport.call('kindgesprek:get', { id }), transport.call('dossiers:get', { id: dossierId })]);
  return (
    <Loaded
      loadKey={id}
      load={load}
      loadingText={t('kindgesprek.loading')}
      back={<Link to={paths.dossier(dossierId)}>{t('mdo.back')}</Link>}
      className={mode === 'kind' ? 'child-mode' : undefined}
    >
      {([kg, dossier]) =>
        mode === 'kind' ? (
          <KgChildMode initial={kg} autosaveDelayMs={autosaveDelayMs} />
        ) : (
          <KgProfessional initial={kg} dossier={dossier} autosaveDelayMs={autosaveDelayMs} />
        )
      }
    </Loaded>
  );
}
