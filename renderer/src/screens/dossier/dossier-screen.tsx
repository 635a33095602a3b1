// `#/dossiers/<id>` and `#/dossiers/nieuw`: loads what the form needs, then shows DossierView.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Output, School } from '../../../../shared/contract/index.js';
import { Link } from '../../components/link.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useTransport } from '../../transport/transport.js';
import { DossierView } from './dossier-view.js';

interface Loaded {
  dossier: Dossier | null;
  schools: School[];
  users: Output<'users:list'>;
}

/** A dossier just created, so its page does not fetch it again. */
const justCreated = new Map<string, Dossier>();

export function DossierScreen({ id, autosaveDelayMs }: { id: string | null; autosaveDelayMs?: number }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [loaded, setLoaded] = useState<{ key: string; data: Loaded } | null>(null);
  const [failure, setFailure] = useState<{ key: string; err: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = `${id ?? 'nieuw'}|${attempt}`;

  useEffect(() => {
    let live = true;
    const primed = id ? justCreated.get(id) : undefined;
    if (id) justCreated.delete(id);
    Promise.all([
      id ? (primed ? Promise.resolve(primed) : transport.call('dossiers:get', { id })) : Promise.resolve(null),
      transport.call('schools:list', {}),
      transport.call('users:list', {}),
    ]).then(
      ([dossier, schools, users]) => live && setLoaded({ key, data: { dossier, schools, users } }),
      (err: unknown) => live && setFailure({ key, err }),
    );
    return () => {
      live = false;
    };
  }, [id, key, transport]);

  const err = failure?.key === key ? failure.err : null;
  const data = loaded?.key === key ? loaded.data : null;
  useDocumentTitle(data ? null : t('dossier.loading'));

  if (err) {
    return (
      <div>
        <h1>{t('common.error_title')}</h1>
        <ErrorMessage
          action={
            <button type="button" onClick={() => setAttempt((a) => a + 1)}>
              {t('common.retry')}
            </button>
          }
        >
          {errorText(t, err)}
        </ErrorMessage>
        <p>
          <Link to={paths.dossiers}>{t('dossier.back')}</Link>
        </p>
      </div>
    );
  }
  if (!data) {
    return (
      <div>
        <h1 className="visually-hidden">{t('dossier.loading')}</h1>
        <Busy>{t('dossier.loading')}</Busy>
      </div>
    );
  }
  return (
    <DossierView
      key={id ?? 'nieuw'}
      initial={data.dossier}
      schools={data.schools}
      users={data.users}
      autosaveDelayMs={autosaveDelayMs}
      onCreated={(d) => justCreated.set(d.id, d)}
    />
  );
}
