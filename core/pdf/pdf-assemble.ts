// Putting a meeting pack together with pdf-lib: copy the pages of attached PDFs, put PNG/JPEG images
// on A4 pages, and write the bookmarks (PDF outline) and metadata. An attachment that cannot be used
// (DOCX/ODT, damaged or encrypted PDF, broken image) is reported as a placeholder, never as a failure.
import {
  PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFString, type PDFImage, type PDFPage, type PDFRef,
} from 'pdf-lib';

export const A4: [number, number] = [595.28, 841.89];
const IMAGE_MARGIN = 36;

export type Prepared =
  | { kind: 'pages'; pages: PDFPage[] }
  | { kind: 'image'; image: PDFImage }
  | { kind: 'placeholder'; reason: 'type' | 'unreadable' | 'pending' };

/**
 * Makes an attachment ready to be added to `out`: PDF pages copied (not yet placed), an image embedded.
 * Everything that goes wrong becomes a placeholder with the reason.
 */
export async function prepareAttachment(out: PDFDocument, mediaType: string, input: Uint8Array): Promise<Prepared> {
  if (input.length === 0) return { kind: 'placeholder', reason: 'pending' };
  // pdf-lib's image parsers read `bytes.buffer` from offset 0: a small Node Buffer is a view into a
  // shared pool, so give them a copy of their own.
  const bytes = input.byteOffset === 0 && input.byteLength === input.buffer.byteLength ? input : new Uint8Array(input);
  try {
    if (mediaType === 'application/pdf') {
      // Encrypted PDFs throw here (ignoreEncryption false): their pages would be unreadable.
      const src = await PDFDocument.load(bytes, { updateMetadata: false });
      const count = src.getPageCount();
      if (count === 0) return { kind: 'placeholder', reason: 'unreadable' };
      const pages = await out.copyPages(src, src.getPageIndices());
      return { kind: 'pages', pages };
    }
    if (mediaType === 'image/jpeg') return { kind: 'image', image: await out.embedJpg(bytes) };
    if (mediaType === 'image/png') return { kind: 'image', image: await out.embedPng(bytes) };
    return { kind: 'placeholder', reason: 'type' };
  } catch {
    return { kind: 'placeholder', reason: 'unreadable' };
  }
}

/** An A4 page (landscape for a wide image) with the image scaled to fit inside the margins, centred. */
export function addImagePage(out: PDFDocument, image: PDFImage): PDFPage {
  const landscape = image.width > image.height;
  const [w, h] = landscape ? [A4[1], A4[0]] : A4;
  const page = out.addPage([w, h]);
  const scale = Math.min((w - 2 * IMAGE_MARGIN) / image.width, (h - 2 * IMAGE_MARGIN) / image.height, 1);
  const dw = image.width * scale;
  const dh = image.height * scale;
  page.drawImage(image, { x: (w - dw) / 2, y: (h - dh) / 2, width: dw, height: dh });
  return page;
}

export interface OutlineItem {
  title: string;
  /** 0-based page index in the final document. */
  page: number;
  children?: OutlineItem[];
}

/**
 * Writes the document outline (bookmarks) with pdf-lib's low-level objects: /Outlines with /First,
 * /Last and /Count; each item with /Title, /Parent, /Prev, /Next, /Dest [page /XYZ null null null].
 * Top-level items are shown open, their children closed (a negative /Count).
 */
export function writeOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  if (items.length === 0) return;
  const ctx = doc.context;
  const pages = doc.getPages();
  const rootRef = ctx.nextRef();

  /** Returns the number of visible descendants (for the parent's /Count). */
  function level(list: readonly OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef; visible: number } {
    const refs = list.map(() => ctx.nextRef());
    let visible = 0;
    list.forEach((item, i) => {
      const page = pages[Math.min(Math.max(item.page, 0), pages.length - 1)]!;
      const dict = ctx.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      const dest = PDFArray.withContext(ctx);
      dest.push(page.ref);
      dest.push(PDFName.of('XYZ'));
      dest.push(PDFNull);
      dest.push(PDFNull);
      dest.push(PDFNull);
      dict.set(PDFName.of('Dest'), dest);
      visible += 1;
      if (item.children?.length) {
        const sub = level(item.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // Closed: a negative count of the (hidden) descendants.
        dict.set(PDFName.of('Count'), PDFNumber.of(-sub.visible));
      }
      ctx.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, visible };
  }

  const top = level(items, rootRef);
  const root = ctx.obj({}) as PDFDict;
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(top.visible));
  ctx.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** The outline as nested titles (for tests and checks): [{ title, children }]. */
export function readOutline(doc: PDFDocument): { title: string; page: number; children: { title: string; page: number }[] }[] {
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const lookup = (d: PDFDict, key: string) => d.lookup(PDFName.of(key));
  const title = (d: PDFDict) => {
    const t = lookup(d, 'Title');
    return t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : '';
  };
  const page = (d: PDFDict) => {
    const dest = lookup(d, 'Dest');
    const ref = dest instanceof PDFArray ? dest.get(0) : undefined;
    return ref ? pageIndex.get(ref.toString()) ?? -1 : -1;
  };
  function siblings(first: unknown): PDFDict[] {
    const out: PDFDict[] = [];
    let cur = first instanceof PDFDict ? first : undefined;
    while (cur && out.length < 10_000) {
      out.push(cur);
      const next = lookup(cur, 'Next');
      cur = next instanceof PDFDict ? next : undefined;
    }
    return out;
  }
  const root = doc.catalog.lookup(PDFName.of('Outlines'));
  if (!(root instanceof PDFDict)) return [];
  return siblings(lookup(root, 'First')).map((d) => ({
    title: title(d), page: page(d),
    children: siblings(lookup(d, 'First')).map((c) => ({ title: title(c), page: page(c) })),
  }));
}

export interface PackMetadata { title: string; author: string; language: string; created: Date }

/** Metadata of the final document (never a pupil's name in the title); the viewer shows the title, not the file name. */
export function setMetadata(doc: PDFDocument, m: PackMetadata): void {
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setAuthor(m.author);
  doc.setCreator('Veldwerk');
  doc.setProducer('Veldwerk');
  doc.setLanguage(m.language);
  doc.setCreationDate(m.created);
  doc.setModificationDate(m.created);
}
