// The repositories of one open database, made once per unlock and shared by the handler groups.
import type { LocalDb } from '../../db/open.js';
import { arrangementRepo } from '../../db/repos/arrangements.js';
import { arrangementLister } from '../../db/repos/arrangement-rows.js';
import { attachmentRepo } from '../../db/repos/attachments.js';
import { budgetRepo } from '../../db/repos/budgets.js';
import { termijnRepo } from '../../db/repos/termijnen.js';
import { tlvRepo } from '../../db/repos/tlv.js';
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
  const budgets = budgetRepo(local.sqlite, now);
  return {
    settings,
    beheer: beheerRepo(local.sqlite, now),
    dossiers: dossierRepo(local.sqlite, now, settings.actorId),
    mdo,
    mdoFinalise: mdoFinaliser(local.sqlite, docs, mdo),
    kindgesprek: kindgesprekRepo(local.sqlite, docs),
    budgets,
    arrangements: arrangementRepo(local.sqlite, { ...docs, actorName: () => settings.profile()?.name ?? '', yearKind: () => budgets.settings().yearKind }),
    arrangementList: arrangementLister(local.sqlite),
    tlv: tlvRepo(local.sqlite, { ...docs, budgets }),
    attachments: attachmentRepo(local.sqlite, now),
    termijnen: termijnRepo(local.sqlite),
  };
}
export type Repos = ReturnType<typeof createRepos>;
