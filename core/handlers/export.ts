// export:inzage and export:overdracht: one dossier as JSON (shared/contract/export.ts, published in
// docs/export-schema/) plus a PDF for people. The overdracht is the inzage with the fields of
// shared/domain/export-transfer.ts left out, so both always agree on everything else.
import { dossierExportQueries } from '../../db/repos/dossier-export.js';
import { present } from '../../db/repos/arrangement-rows.js';
import { dossierExportSchema, EXPORT_SCHEMA_VERSION, type DossierExport } from '../../shared/contract/export.js';
import { toTransferExport } from '../../shared/domain/export-transfer.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { message } from '../../shared/i18n/index.js';
import { notFound } from '../errors.js';
import type { Handler, HandlerContext } from './index.js';
import { pdfContext, pdfResult } from './pdf-context.js';

/** Loaded on first use, like the other renderers: pdfkit and the fonts are not needed to start the app. */
const loadExportPdf = () => import('../pdf/dossier-export.js');

const p = (key: string, vars: Record<string, string> = {}) =>
  message(`pdf.export.processing.${key}`).replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);

/** The association's retention periods (association_settings 'retention'), else the usual rule in a sentence. */
function retentionText(setting: unknown): string {
  const s = (setting ?? {}) as { dossierClosedYears?: unknown; tlvYears?: unknown };
  return typeof s.dossierClosedYears === 'number' && typeof s.tlvYears === 'number'
    ? p('retention_configured', { dossierYears: String(s.dossierClosedYears), tlvYears: String(s.tlvYears) })
    : p('retention_default');
}

function processing(associationName: string, retention: unknown): NonNullable<DossierExport['processing']> {
  const list = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => p(`${prefix}_${i + 1}`));
  return {
    controller: p('controller', { name: associationName }),
    purposes: list('purpose', 3),
    categories: list('category', 5),
    recipients: list('recipient', 3),
    retention: retentionText(retention),
    rights: list('right', 4),
    complaint: p('complaint'),
  };
}

export function exportHandlers(ctx: HandlerContext) {
  const { repos, now } = ctx;
  const q = dossierExportQueries(ctx.local.sqlite);

  /** The inzage: everything kept about the pupil in this database. */
  function full(dossierId: string): DossierExport {
    const dossier = repos.dossiers.get(dossierId);
    if (!dossier) throw notFound();
    const { timeline, ...dossierRest } = dossier;
    const mdos = q.mdoIds(dossierId).flatMap((id) => {
      const m = repos.mdo.get(id);
      const s = repos.mdo.stored(id);
      if (!m || !s) return [];
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out: edit bookkeeping and a list of refs
      const { versions, revision, ...doc } = m;
      return [{ ...doc, seriesId: s.seriesId }];
    });
    const yearKind = repos.budgets.settings().yearKind;
    const arrangements = q.arrangementIds(dossierId).flatMap((id) => {
      const a = repos.arrangements.stored(id);
      return a ? [present(a, yearKind, [])] : [];
    });
    const associationName = repos.settings.profile()?.associationName ?? '';
    return dossierExportSchema.parse({
      schemaVersion: EXPORT_SCHEMA_VERSION,
      kind: 'inzage',
      exportedAt: now().toISOString(),
      exportedByName: repos.settings.profile()?.name ?? '',
      association: { name: associationName },
      dossier: dossierRest,
      timeline: [...timeline].sort((a, b) => a.at.localeCompare(b.at)),
      mdos,
      actions: repos.mdoFinalise.listActions(dossierId),
      kindgesprekken: q.kindgesprekIds(dossierId).flatMap((id) => {
        const k = repos.kindgesprek.get(id);
        return k ? [k] : [];
      }),
      arrangements,
      tlvs: q.tlvIds(dossierId).flatMap((id) => {
        const t = repos.tlv.get(id);
        return t ? [t] : [];
      }),
      attachments: q.attachments(dossierId).map(({ bytes, ...meta }) => ({
        ...meta,
        // A synced file whose content has not been downloaded yet is stored as zero bytes.
        base64: bytes.length === 0 && meta.sizeBytes > 0 ? null : bytes.toString('base64'),
      })),
      processing: processing(associationName, q.retention()),
    });
  }

  async function result(data: DossierExport) {
    const pdf = await loadExportPdf();
    const out = await pdf.renderDossierExport(data, pdfContext(ctx));
    // No pupil name in the file names (download folders, recent-file lists).
    const base = `${data.kind === 'inzage' ? 'Inzage' : 'Overdracht'}-dossier-${todayInAmsterdam(now())}`;
    return { json: `${JSON.stringify(data, null, 2)}\n`, pdf: pdfResult(`${base}.pdf`, out) };
  }

  return {
    'export:inzage': ({ dossierId }) => result(full(dossierId)),
    'export:overdracht': ({ dossierId, bestemming }) => result(toTransferExport(full(dossierId), bestemming)),
  } satisfies { [K in 'export:inzage' | 'export:overdracht']: Handler<K> };
}
