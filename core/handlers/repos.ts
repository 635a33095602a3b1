// The repositories of one open database, made once per unlock and shared by the handler groups.
import type { LocalDb } from '../../db/open.js';
import { beheerRepo } from '../../db/repos/beheer.js';
import { dossierRepo } from '../../db/repos/dossiers.js';
import { settingsRepo } from '../../db/repos/settings.js';

export function createRepos(local: LocalDb, now: () => Date) {
  const settings = settingsRepo(local.sqlite);
  return {
    settings,
    beheer: beheerRepo(local.sqlite, now),
    dossiers: dossierRepo(local.sqlite, now, settings.actorId),
  };
}
export type Repos = ReturnType<typeof createRepos>;
