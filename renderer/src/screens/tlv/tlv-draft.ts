// The TLV application as the form holds it (the contract's input), its autosave editor, the live
// completeness check and the browser side of an upload (read as base64, instant checks).
import { tlvInputSchema, type Tlv, type TlvInput } from '../../../../shared/contract/index.js';
import { attachmentProblem } from '../../../../shared/domain/attachments.js';
import { completeness, TLV_EDITABLE } from '../../../../shared/domain/tlv.js';
import { issuesOf } from '../../../../shared/domain/validation.js';
import { AutosaveEditor } from '../../components/autosave.js';
import type { Transport } from '../../transport/transport.js';

export type TlvDraft = TlvInput & {
  documents: { key: string; attachmentIds: string[]; date: string; note: string }[];
  advices: [TlvAdvice, TlvAdvice];
};
export type TlvAdvice = { name: string; discipline: string; date: string; advice: string; attachmentId: string | null };

export function draftFromTlv(x: Tlv): TlvDraft {
  const advice = (a: Tlv['advices'][number]): TlvAdvice => ({
    name: a.name ?? '', discipline: a.discipline ?? '', date: a.date, advice: a.advice ?? '', attachmentId: a.attachmentId,
  });
  return {
    type: x.type, kind: x.kind, receivingSchool: x.receivingSchool ?? '', category: x.category, periodStart: x.periodStart,
    periodEnd: x.periodEnd, parentsView: x.parentsView ?? '', childView: x.childView ?? '',
    consent: { besluit: x.consent.besluit, datum: x.consent.datum, byName: x.consent.byName ?? '' },
    documents: x.documents.map((d) => ({ key: d.key, attachmentIds: [...d.attachmentIds], date: d.date, note: d.note ?? '' })),
    advices: [advice(x.advices[0]), advice(x.advices[1])],
    previousTlvNumber: x.previousTlvNumber ?? '', toelichting: x.toelichting ?? '',
  };
}

export function missingOf(d: TlvDraft, requiredDocuments: readonly string[]) {
  return completeness({
    requiredDocuments, documents: d.documents, advices: d.advices, parentsView: d.parentsView ?? '',
    consent: { besluit: d.consent.besluit, datum: d.consent.datum }, childView: d.childView ?? '',
  });
}

/** The document row of `key` (created when missing). */
export function withDocument(d: TlvDraft, key: string, update: (row: TlvDraft['documents'][number]) => TlvDraft['documents'][number]): TlvDraft {
  const has = d.documents.some((x) => x.key === key);
  const rows = has ? d.documents : [...d.documents, { key, attachmentIds: [], date: '', note: '' }];
  return { ...d, documents: rows.map((x) => (x.key === key ? update(x) : x)) };
}

export function withAdvice(d: TlvDraft, i: 0 | 1, patch: Partial<TlvAdvice>): TlvDraft {
  const advices: [TlvAdvice, TlvAdvice] = [d.advices[0], d.advices[1]];
  advices[i] = { ...advices[i], ...patch };
  return { ...d, advices };
}

export type TlvEditor = AutosaveEditor<TlvDraft, Tlv>;

export function createTlvEditor(transport: Transport, initial: Tlv, delayMs?: number): TlvEditor {
  return new AutosaveEditor<TlvDraft, Tlv>(
    {
      toDraft: draftFromTlv,
      validate: (d) => {
        const parsed = tlvInputSchema.safeParse(d);
        const out: Record<string, string> = {};
        if (!parsed.success) for (const issue of issuesOf(parsed.error)) out[issue.path] ??= issue.key;
        return out;
      },
      send: (draft, saved) => transport.call('tlv:save', { id: saved.id, baseRevision: saved.revision, tlv: draft }),
      readOnly: (x) => !TLV_EDITABLE.includes(x.status),
    },
    initial,
    delayMs,
  );
}

/** Reads a chosen file: its problem key (size/type/empty, as the core checks) or its base64. */
export async function readFile(file: File): Promise<{ problem: string } | { base64: string }> {
  const bytes = new Uint8Array(await readBytes(file));
  const problem = attachmentProblem(bytes);
  if (problem) return { problem };
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { base64: btoa(bin) };
}

/** FileReader: also in older engines and jsdom (where Blob.arrayBuffer is missing). */
function readBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsArrayBuffer(file);
  });
}

export const tlvFieldId = (path: string) => `t-${path.replace(/\./g, '-')}`;
