// Kindgesprek handlers: the contract's kindgesprek:* methods over db/repos/kindgesprek.ts.
import { notFound } from '../errors.js';
import type { HandlerContext, Handler } from './index.js';
import { mapped } from './mdo.js';
import { loadRenderers, pdfContext, pdfResult } from './pdf-context.js';

export function kindgesprekHandlers(ctx: HandlerContext) {
  const { repos } = ctx;
  const k = repos.kindgesprek;
  return {
    'kindgesprek:list': ({ dossierId }) => k.list(dossierId),
    'kindgesprek:get': ({ id }) => {
      const found = k.get(id);
      if (!found) throw notFound();
      return found;
    },
    'kindgesprek:create': ({ dossierId }) => mapped(() => k.create(dossierId)),
    'kindgesprek:save': ({ id, baseRevision, kindgesprek }) => mapped(() => k.save(id, baseRevision, kindgesprek)),
    'kindgesprek:finish': ({ id, baseRevision }) => mapped(() => k.finish(id, baseRevision)),
    'kindgesprek:pdf': async ({ id, version }) => {
      const kindgesprek = k.get(id);
      const dossier = kindgesprek && repos.dossiers.get(kindgesprek.dossierId);
      if (!kindgesprek || !dossier) throw notFound();
      const pdf = await loadRenderers();
      const render = version === 'kind' ? pdf.renderKindgesprekKind : pdf.renderKindgesprekProfessional;
      const suffix = version === 'kind' ? 'kind' : 'professioneel';
      return pdfResult(`Kindgesprek-${kindgesprek.datum}-${suffix}.pdf`, await render({ dossier, kindgesprek }, pdfContext(ctx)));
    },
  } satisfies {
    [K in 'kindgesprek:list' | 'kindgesprek:get' | 'kindgesprek:create' | 'kindgesprek:save' | 'kindgesprek:finish' | 'kindgesprek:pdf']: Handler<K>;
  };
}
