// Arrangement and budget handlers: the contract's arrangements:* and budgets:* over db/repos.
import type { Arrangement } from '../../shared/contract/index.js';
import { DocError } from '../../db/repos/arrangement-rows.js';
import { present } from '../../db/repos/arrangement-rows.js';
import { CoreError, notFound } from '../errors.js';
import type { Handler, HandlerContext } from './index.js';
import { pdfContext, pdfResult } from './pdf-context.js';

/** Repository outcomes as contract errors with their Dutch message. */
export function docMapped<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof DocError)) throw err;
    if (err.kind === 'not_found') throw notFound();
    if (err.kind === 'conflict') throw new CoreError('conflict', undefined, undefined, err.messageKey);
    throw new CoreError('validation', err.fields, undefined, err.messageKey);
  }
}

/** Loaded on first use, like the MDO renderers: pdfkit and the fonts are not needed to start the app. */
const loadArrangementPdf = () => import('../pdf/arrangement.js');

const OPEN: readonly string[] = ['concept', 'ingediend', 'aanvullen', 'aangehouden'];

export function arrangementHandlers(ctx: HandlerContext) {
  const { repos } = ctx;
  const r = repos.arrangements;
  const b = repos.budgets;

  /** The contract object; an undecided one carries the warnings of what it would do to the budget. */
  function get(id: string): Arrangement {
    const a = r.stored(id);
    if (!a) throw notFound();
    const warnings = OPEN.includes(a.status) ? b.effect(a.werkgebiedId, a.totalCents, a.startDate, a.id).warnings : [];
    return present(a, b.settings().yearKind, warnings);
  }

  return {
    'arrangements:list': (input) => repos.arrangementList(input),
    'arrangements:get': ({ id }) => get(id),
    'arrangements:create': ({ arrangement, fromMdoId }) => get(docMapped(() => r.create(arrangement, fromMdoId))),
    'arrangements:save': ({ id, baseRevision, arrangement }) => {
      docMapped(() => r.save(id, baseRevision, arrangement));
      return get(id);
    },
    'arrangements:transition': ({ id, baseRevision, to, note }) => {
      docMapped(() => r.transition(id, baseRevision, to, note));
      return get(id);
    },
    'arrangements:evaluate': ({ id, baseRevision, evaluation }) => {
      docMapped(() => r.evaluate(id, baseRevision, evaluation));
      return get(id);
    },
    'arrangements:extend': ({ id, baseRevision, note }) => get(docMapped(() => r.extend(id, baseRevision, note))),
    'arrangements:budgetEffect': ({ werkgebiedId, amountCents, startDate, excludeId }) => {
      if (!b.werkgebiedExists(werkgebiedId)) throw notFound();
      return b.effect(werkgebiedId, amountCents, startDate, excludeId);
    },
    'arrangements:pdf': async ({ id }) => {
      const arrangement = get(id);
      const dossier = arrangement.dossierId ? repos.dossiers.get(arrangement.dossierId) : null;
      const budget = b.effect(arrangement.werkgebiedId, arrangement.totalCents, arrangement.startDate, arrangement.id);
      const pdf = await loadArrangementPdf();
      const out = await pdf.renderArrangement({ arrangement, dossier, budget }, pdfContext(ctx));
      // No pupil name in the filename (download folders, recent-file lists).
      return pdfResult(`Arrangement-${arrangement.startDate}.pdf`, out);
    },
    'budgets:settings': () => b.settings(),
    'budgets:saveSettings': (s) => b.saveSettings(s),
    'budgets:list': ({ year }) => b.list(year),
    'budgets:setAllocation': ({ werkgebiedId, year, allocatedCents }) => {
      if (!b.werkgebiedExists(werkgebiedId)) throw new CoreError('validation', [{ path: 'werkgebiedId', key: 'werkgebied_unknown' }]);
      return b.setAllocation(werkgebiedId, year, allocatedCents);
    },
  } satisfies {
    [K in 'arrangements:list' | 'arrangements:get' | 'arrangements:create' | 'arrangements:save' | 'arrangements:transition'
      | 'arrangements:evaluate' | 'arrangements:extend' | 'arrangements:budgetEffect' | 'arrangements:pdf' | 'budgets:settings'
      | 'budgets:saveSettings' | 'budgets:list' | 'budgets:setAllocation']: Handler<K>;
  };
}
