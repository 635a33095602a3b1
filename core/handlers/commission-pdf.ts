// The commission's documents: the meeting pack as a background job (startPack → packStatus), the
// decision letters and the notulen. Jobs live in memory in this closure: at most two run at a time
// (more wait their turn), a finished result is handed out once and dropped after ten minutes.
// Never logs: the data is about children.
import { commissionPackData, type PackMeeting } from '../../db/repos/commission-pack-data.js';
import type { Output } from '../../shared/contract/index.js';
import type { PackVariant } from '../../shared/domain/commission.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { uuidv7 } from '../../shared/ids.js';
import type { Budget } from '../pdf/commission-case.js';
import { CoreError, notFound } from '../errors.js';
import type { Handler, HandlerContext } from './index.js';
import { pdfContext, pdfResult } from './pdf-context.js';

/** Loaded on first use: pdfkit, pdf-lib and the fonts are not needed to start the app. */
const loadPack = () => import('../pdf/commission-pack.js');
const loadLetter = () => import('../pdf/decision-letter.js');
const loadNotulen = () => import('../pdf/notulen.js');

export const MAX_RUNNING_PACKS = 2;
export const PACK_RESULT_TTL_MS = 10 * 60_000;

type PackJob = Output<'commission:packStatus'>;
interface Job {
  status: PackJob;
  finishedAt: number | null;
  run: () => Promise<Output<'commission:letter'>>;
}

export function commissionPdfHandlers(ctx: HandlerContext) {
  const { repos } = ctx;
  const data = commissionPackData(ctx.local.sqlite);
  const jobs = new Map<string, Job>();
  const queue: Job[] = [];
  let running = 0;

  const caseSettings = () => {
    const s = repos.commission.settings();
    const b = repos.budgets.settings();
    return { rules: s.rules, memberRoles: s.memberRoles, categories: b.tlvCategories, extraDocuments: b.extraTlvDocuments };
  };

  /** Drops results nobody fetched within ten minutes. */
  function sweep(): void {
    const limit = ctx.now().getTime() - PACK_RESULT_TTL_MS;
    for (const [id, j] of jobs) if (j.finishedAt !== null && j.finishedAt < limit) jobs.delete(id);
  }

  function pump(): void {
    while (running < MAX_RUNNING_PACKS && queue.length > 0) {
      const job = queue.shift()!;
      running++;
      void job.run()
        .then((pdf) => {
          job.status = { ...job.status, state: 'done', done: job.status.total, pdf };
        })
        .catch(() => {
          job.status = { ...job.status, state: 'failed', pdf: null, errorKey: 'commission_pack_failed' };
        })
        .finally(() => {
          job.finishedAt = ctx.now().getTime();
          running--;
          pump();
        });
    }
  }

  function budgetsOf(meeting: PackMeeting): Map<string, Budget> {
    const out = new Map<string, Budget>();
    for (const c of meeting.cases) {
      const a = c.arrangement;
      if (a) out.set(c.itemId, repos.budgets.effect(a.werkgebiedId, a.totalCents, a.startDate, a.id));
    }
    return out;
  }

  function startPack(meetingId: string, variant: PackVariant): PackJob {
    sweep();
    const meeting = data.meeting(meetingId);
    if (!meeting) throw notFound();
    const jobId = uuidv7();
    const pctx = pdfContext(ctx);
    const today = todayInAmsterdam(pctx.generatedAt);
    const job: Job = {
      status: { jobId, state: 'running', done: 0, total: meeting.cases.length + 2, pdf: null, errorKey: null },
      finishedAt: null,
      run: async () => {
        const { renderCommissionPack } = await loadPack();
        const out = await renderCommissionPack({
          meeting, variant, settings: caseSettings(), budgets: budgetsOf(meeting), today,
          attachmentBytes: (id) => data.attachmentBytes(id),
          onProgress: (done) => {
            // The last step is reported by the job itself, together with the PDF.
            job.status = { ...job.status, done: Math.min(done, job.status.total - 1) };
          },
        }, pctx);
        // No pupil name in the filename (download folders, recent-file lists).
        return pdfResult(`Vergaderstuk-commissie-${meeting.datum}-${variant}.pdf`, out);
      },
    };
    jobs.set(jobId, job);
    queue.push(job);
    pump();
    return job.status;
  }

  return {
    'commission:startPack': ({ meetingId, variant }) => startPack(meetingId, variant),
    'commission:packStatus': ({ jobId }) => {
      sweep();
      const job = jobs.get(jobId);
      if (!job) throw notFound();
      const answer = job.status;
      // Handed out once: the PDF is not kept in memory after it was fetched.
      if (answer.pdf) job.status = { ...answer, pdf: null };
      return answer;
    },
    'commission:letter': async ({ itemId, recipient }) => {
      const found = data.item(itemId);
      if (!found) throw notFound();
      const { item } = found;
      const decision = item.decision;
      if (!decision) throw new CoreError('conflict', undefined, undefined, 'errors.commission_not_decided');
      const s = repos.commission.settings();
      const pctx = pdfContext(ctx);
      const { renderDecisionLetter } = await loadLetter();
      const out = await renderDecisionLetter({
        item: { ...item, decision }, recipient, settings: s, categories: repos.budgets.settings().tlvCategories,
        today: todayInAmsterdam(pctx.generatedAt), secretaryName: repos.settings.profile()?.name ?? '',
      }, pctx);
      return pdfResult(`Besluit-commissie-${decision.datum}-${recipient}.pdf`, out);
    },
    'commission:notulenPdf': async ({ meetingId }) => {
      const meeting = data.meeting(meetingId);
      if (!meeting) throw notFound();
      const { renderNotulen } = await loadNotulen();
      const s = caseSettings();
      const out = await renderNotulen({ meeting, memberRoles: s.memberRoles, categories: s.categories }, pdfContext(ctx));
      return pdfResult(`Notulen-commissie-${meeting.datum}.pdf`, out);
    },
  } satisfies { [K in 'commission:startPack' | 'commission:packStatus' | 'commission:letter' | 'commission:notulenPdf']: Handler<K> };
}
