import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, attachmentProblem, sniffMediaType, zipEntryNames } from './attachments.js';

/** A minimal stored (uncompressed) ZIP, enough for the central-directory walk. */
function zip(entries: [string, string][]): Uint8Array {
  const enc = new TextEncoder();
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 255, (n >> 8) & 255];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
  for (const [name, data] of entries) {
    const n = [...enc.encode(name)];
    const d = [...enc.encode(data)];
    const offset = local.length;
    local.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(d.length), ...u32(d.length),
      ...u16(n.length), ...u16(0), ...n, ...d);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(d.length),
      ...u32(d.length), ...u16(n.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...n);
  }
  const eocd = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length),
    ...u32(central.length), ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...eocd]);
}
const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);

describe('attachments by content', () => {
  it('recognises PDF, PNG, JPEG', () => {
    expect(sniffMediaType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });

  it('recognises DOCX and ODT, not other ZIPs', () => {
    const docx = zip([['[Content_Types].xml', '<x/>'], ['word/document.xml', '<w/>']]);
    expect(zipEntryNames(docx)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(sniffMediaType(docx)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffMediaType(zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<x/>']])))
      .toBe('application/vnd.oasis.opendocument.text');
    expect(sniffMediaType(zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']]))).toBeNull();
    expect(sniffMediaType(zip([['xl/workbook.xml', '<x/>']]))).toBeNull();
  });

  it('rejects by content, size and emptiness', () => {
    expect(attachmentProblem(new TextEncoder().encode('MZ\x90\x00 not a pdf'))).toBe('attachment_type');
    expect(attachmentProblem(new Uint8Array())).toBe('attachment_empty');
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-'));
    expect(attachmentProblem(big)).toBe('file_too_large');
    expect(attachmentProblem(big.subarray(0, MAX_ATTACHMENT_BYTES))).toBeNull();
  });
});
