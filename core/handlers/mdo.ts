// MDO handlers: the contract's mdo:* and actions:* methods over db/repos/mdo*.ts.
import { MdoError } from '../../db/repos/mdo.js';
import { CoreError, notFound } from '../errors.js';
import type { HandlerContext, Handler } from './index.js';
import { loadRenderers, pdfContext, pdfResult } from './pdf-context.js';

/** Repository outcomes as contract errors with their Dutch message. */
export function mapped<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof MdoError)) throw err;
    switch (err.kind) {
      case 'not_found':
        throw notFound();
      case 'conflict':
        throw new CoreError('conflict');
      case 'finalised':
        throw new CoreError('conflict', undefined, undefined, 'errors.mdo_finalised');
      case 'superseded':
        throw new CoreError('conflict', undefined, undefined, 'errors.mdo_superseded');
      case 'kindgesprek_finished':
        throw new CoreError('conflict', undefined, undefined, 'errors.kindgesprek_finished');
      case 'bad_request':
        throw new CoreError('bad_request');
      case 'fields':
        throw new CoreError('validation', err.fields);
    }
  }
}

export function mdoHandlers(ctx: HandlerContext) {
  const { repos } = ctx;
  const m = repos.mdo;
  return {
    'mdo:list': ({ dossierId }) => m.list(dossierId),
    'mdo:get': ({ id }) => {
      const found = m.get(id);
      if (!found) throw notFound();
      return found;
    },
    'mdo:create': ({ dossierId, mdo }) => mapped(() => m.create(dossierId, mdo)),
    'mdo:save': ({ id, baseRevision, mdo }) => mapped(() => m.save(id, baseRevision, mdo)),
    'mdo:finalise': ({ id, baseRevision, presentAttendeeIds, consent }) =>
      mapped(() => repos.mdoFinalise.finalise(id, baseRevision, presentAttendeeIds, consent)),
    'mdo:correct': ({ id, reason }) => mapped(() => m.correct(id, reason)),
    'mdo:pdf': async ({ id, document }) => {
      const stored = m.stored(id);
      const mdo = m.get(id);
      const dossier = stored && repos.dossiers.get(stored.dossierId);
      if (!stored || !mdo || !dossier) throw notFound();
      const pdf = await loadRenderers();
      const pctx = pdfContext(ctx);
      // No pupil name in the filename: it would leak through download folders and recent-file lists.
      if (document === 'verslag') {
        return pdfResult(`MDO-verslag-${mdo.datum}-v${mdo.version}.pdf`, await pdf.renderVerslag({ dossier, mdo, kindgesprek: mdo.kindgesprekId ? repos.kindgesprek.get(mdo.kindgesprekId) : null }, pctx));
      }
      const data = {
        dossier, mdo,
        previousActions: repos.mdoFinalise.previousActions(stored.dossierId, stored.seriesId),
        latestKindgesprek: repos.kindgesprek.latestFinished(stored.dossierId),
      };
      return pdfResult(`MDO-praatpapier-${mdo.datum}.pdf`, await pdf.renderPraatpapier(data, pctx));
    },
    'actions:list': ({ dossierId }) => repos.mdoFinalise.listActions(dossierId),
    'actions:setStatus': ({ id, status }) => mapped(() => repos.mdoFinalise.setActionStatus(id, status)),
  } satisfies {
    [K in 'mdo:list' | 'mdo:get' | 'mdo:create' | 'mdo:save' | 'mdo:finalise' | 'mdo:correct' | 'mdo:pdf' | 'actions:list' | 'actions:setStatus']: Handler<K>;
  };
}
