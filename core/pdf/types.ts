// What each generated document is made from. The PDF renderers (core/pdf/*) take these plain
// objects; the handlers (core/handlers/mdo.ts, kindgesprek.ts) gather them from the database.
import type { Action, Dossier, Kindgesprek, Mdo } from '../../shared/contract/index.js';

export interface PdfContext {
  associationName: string;
  /** When the document is made (shown in the footer, nl-NL, Europe/Amsterdam). */
  generatedAt: Date;
  /** Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (resources/fonts, or dist/fonts when built). */
  fontsDir: string;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

export interface VerslagData {
  dossier: Dossier;
  mdo: Mdo;
  /** The kindgesprek linked by `mdo.kindgesprekId`, so the verslag can name its date (optional: without it only the link is mentioned). */
  kindgesprek?: Kindgesprek | null;
}

export interface PraatpapierData {
  dossier: Dossier;
  mdo: Mdo;
  /** Afspraken of the previous finalised MDO(s) of the dossier, with their current status. */
  previousActions: Action[];
  /** The child's latest finished kindgesprek, if any. */
  latestKindgesprek: Kindgesprek | null;
}

export interface KindgesprekData {
  dossier: Dossier;
  kindgesprek: Kindgesprek;
}

/** The functions core/pdf/index.ts exports. */
export interface PdfRenderers {
  renderVerslag(data: VerslagData, ctx: PdfContext): Promise<RenderedPdf>;
  renderPraatpapier(data: PraatpapierData, ctx: PdfContext): Promise<RenderedPdf>;
  renderKindgesprekKind(data: KindgesprekData, ctx: PdfContext): Promise<RenderedPdf>;
  renderKindgesprekProfessional(data: KindgesprekData, ctx: PdfContext): Promise<RenderedPdf>;
}
