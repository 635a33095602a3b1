// The repositories of one open database, made once per unlock and shared by the handler groups.
import type { LocalDb } from '../../db/open.js';
import { beheerRepo } from '../../db/repos/beheer.js';
import { dossierRepo } from '../../db/repos/dossiers.js';
import { kindgesprekRepo } from '../../db/repos/kindgesprek.js';
import { mdoRepo } from '../../db/repos/mdo.js';
import { mdoFinaliser } from '../../db/repos/mdo-finalise.js';
import { settingsRepo } from '../../db/repos/settings.js';

export function createRepos(local: LocalDb, now: () => Date) {
  const settings = settingsRepo(local.sqlite);
  const docs = { now, actorId: settings.actorId };
  const mdo = mdoRepo(local.sqlite, docs);
  return {
    settings,
    beheer: beheerRepo(local.sqlite, now),
    dossiers: dossierRepo(local.sqlite, now, settings.actorId),
    mdo,
    mdoFinalise: mdoFinaliser(local.sqlite, docs, mdo),
    kindgesprek: kindgesprekRepo(local.sqlite, docs),
  };
}
export type Repos = ReturnType<typeof createRepos>;
