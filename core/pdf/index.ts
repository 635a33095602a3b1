// The PDF documents (PdfRenderers in ./types.ts). Rendered in Dutch; each document module takes a
// language so another one can be offered later without changing the layouts.
import { renderKindgesprekKindIn } from './kindgesprek-kind.js';
import { renderKindgesprekProfessionalIn } from './kindgesprek-professional.js';
import { renderPraatpapierIn } from './praatpapier.js';
import type { PdfRenderers } from './types.js';
import { renderVerslagIn } from './verslag.js';

export const renderVerslag: PdfRenderers['renderVerslag'] = (data, ctx) => renderVerslagIn('nl', data, ctx);
export const renderPraatpapier: PdfRenderers['renderPraatpapier'] = (data, ctx) => renderPraatpapierIn('nl', data, ctx);
export const renderKindgesprekKind: PdfRenderers['renderKindgesprekKind'] = (data, ctx) =>
  renderKindgesprekKindIn('nl', data, ctx);
export const renderKindgesprekProfessional: PdfRenderers['renderKindgesprekProfessional'] = (data, ctx) =>
  renderKindgesprekProfessionalIn('nl', data, ctx);
