// Attachments: the type is decided by the CONTENT (magic bytes), never by the name or a claimed
// MIME type. 5 MiB decoded: base64 grows by 4/3, which keeps a request under the host's 8 MiB.
export const ATTACHMENT_OWNERS = ['tlv', 'arrangement'] as const;
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf', 'image/png', 'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const ODT = 'application/vnd.oasis.opendocument.text';
const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));
const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) + u16(b, i + 2) * 65_536);

/** Entry names from a ZIP's central directory; null when it is not a readable ZIP. */
export function zipEntryNames(b: Uint8Array): string[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (u32(b, i) !== 0x06054b50) continue;
    const count = u16(b, i + 10);
    let p = u32(b, i + 16);
    const names: string[] = [];
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
      const nameLen = u16(b, p + 28);
      names.push(ascii(b, p + 46, p + 46 + nameLen));
      p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
    }
    return names;
  }
  return null;
}

/** The media type by content, or null when it is not an allowed type. */
export function sniffMediaType(b: Uint8Array): AttachmentMediaType | null {
  if (ascii(b, 0, 5) === '%PDF-') return 'application/pdf';
  if (b[0] === 0x89 && ascii(b, 1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (u32(b, 0) !== 0x04034b50) return null;
  // ODF: the first entry is `mimetype`, stored uncompressed, holding the document type.
  const nameLen = u16(b, 26);
  const dataAt = 30 + nameLen + u16(b, 28);
  if (ascii(b, 30, 30 + nameLen) === 'mimetype' && u16(b, 8) === 0 && ascii(b, dataAt, dataAt + ODT.length) === ODT) return ODT;
  const names = zipEntryNames(b);
  if (names?.includes('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return null;
}

/** Validation key for a decoded file, or null when acceptable. */
export function attachmentProblem(b: Uint8Array): 'file_too_large' | 'attachment_empty' | 'attachment_type' | null {
  if (b.length === 0) return 'attachment_empty';
  if (b.length > MAX_ATTACHMENT_BYTES) return 'file_too_large';
  return sniffMediaType(b) ? null : 'attachment_type';
}

/** i18n key under `enums.media_type` (media types contain dots and slashes, unusable as keys). */
export const MEDIA_TYPE_KEY: Record<AttachmentMediaType, 'pdf' | 'png' | 'jpeg' | 'docx' | 'odt'> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
};
