// The repositories of one open database, made once per unlock and shared by the handler groups.
import type { LocalDb } from '../../db/open.js';
import { arrangementRepo } from '../../db/repos/arrangements.js';
import { arrangementLister } from '../../db/repos/arrangement-rows.js';
import { attachmentRepo } from '../../db/repos/attachments.js';
import { budgetRepo } from '../../db/repos/budgets.js';
import { commissionRepo } from '../../db/repos/commission.js';
import { termijnRepo } from '../../db/repos/termijnen.js';
import { tlvRepo } from '../../db/repos/tlv.js';
import { beheerRepo } from '../../db/repos/beheer.js';
import { dossierRepo } from '../../db/repos/dossiers.js';
import { kindgesprekRepo } from '../../db/repos/kindgesprek.js';
import { mdoRepo } from '../../db/repos/mdo.js';
import { mdoFinaliser } from '../../db/repos/mdo-finalise.js';
import { settingsRepo } from '../../db/repos/settings.js';
import { syncStateStore } from '../../db/sync/state.js';

export function createRepos(local: LocalDb, now: () => Date) {
  const settings = settingsRepo(local.sqlite);
  const docs = { now, actorId: settings.actorId };
  const mdo = mdoRepo(local.sqlite, docs);
  const budgets = budgetRepo(local.sqlite, now);
  const actorName = () => settings.profile()?.name ?? '';
  const arrangements = arrangementRepo(local.sqlite, { ...docs, actorName, yearKind: () => budgets.settings().yearKind });
  const tlv = tlvRepo(local.sqlite, { ...docs, budgets });
  return {
    settings,
    beheer: beheerRepo(local.sqlite, now),
    dossiers: dossierRepo(local.sqlite, now, settings.actorId, settings.schoolScope),
    mdo,
    mdoFinalise: mdoFinaliser(local.sqlite, docs, mdo),
    kindgesprek: kindgesprekRepo(local.sqlite, docs),
    budgets,
    arrangements,
    arrangementList: arrangementLister(local.sqlite),
    tlv,
    commission: commissionRepo(local.sqlite, {
      ...docs, actorName, associationName: () => settings.profile()?.associationName ?? '', tlv, arrangements, budgets,
      // Read fresh on every decision (a cached state would miss an enrolment made since): linked devices
      // only hand out numbers from the store's blocks.
      linked: () => syncStateStore(local.sqlite).device() !== null,
    }),
    attachments: attachmentRepo(local.sqlite, now),
    termijnen: termijnRepo(local.sqlite),
  };
}
export type Repos = ReturnType<typeof createRepos>;
