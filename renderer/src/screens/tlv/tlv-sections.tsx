// The TLV's documents checklist (dated reports, and the OPP whose age the commission checks) and the two deskundigenadviezen (two separate fieldsets).
import { useTranslation } from 'react-i18next';
import { DATED_DOCUMENTS } from '../../../../shared/domain/tlv.js';
import { TextArea, TextField } from '../../components/field.js';
import { tlvFieldId as fid, withAdvice, withDocument, type TlvDraft } from './tlv-draft.js';
import { AttachmentSlot } from './tlv-upload.js';

interface Props {
  draft: TlvDraft;
  tlvId: string;
  readOnly: boolean;
  requiredDocuments: readonly string[];
  errorOf(path: string): string | undefined;
  edit(update: (d: TlvDraft) => TlvDraft, paths: string[]): void;
}

export function TlvDocuments({ draft, tlvId, readOnly, requiredDocuments, errorOf, edit }: Props) {
  const { t } = useTranslation();
  const keys = [...new Set([...requiredDocuments, ...draft.documents.map((x) => x.key)])];
  return (
    <section className="form-section" aria-labelledby="tlv-docs">
      <h2 id="tlv-docs">{t('tlv.section_documents')}</h2>
      {keys.map((key) => {
        const row = draft.documents.find((x) => x.key === key);
        const label = t(`enums.tlv_document.${key}`, { defaultValue: key });
        return (
          <fieldset key={key} className="repeat-row">
            <legend>{label}</legend>
            <AttachmentSlot id={fid(`documents.${key}`)} label={t('tlv.document_upload', { name: label })} tlvId={tlvId}
              attachmentIds={row?.attachmentIds ?? []} disabled={readOnly} error={errorOf(`documents.${key}`)}
              onAdded={(m) => edit((d) => withDocument(d, key, (r) => ({ ...r, attachmentIds: [...r.attachmentIds, m.id] })), [`documents.${key}`])}
              onRemoved={(a) => edit((d) => withDocument(d, key, (r) => ({ ...r, attachmentIds: r.attachmentIds.filter((x) => x !== a) })), [`documents.${key}`])} />
            {(DATED_DOCUMENTS.includes(key) || key === 'opp') && (
              <TextField id={fid(`documents.${key}.date`)} type="date" label={t('tlv.document_date', { name: label })} value={row?.date ?? ''}
                disabled={readOnly} error={errorOf(`documents.${key}.date`)}
                onChange={(v) => edit((d) => withDocument(d, key, (r) => ({ ...r, date: v })), [`documents.${key}.date`])} />
            )}
          </fieldset>
        );
      })}
    </section>
  );
}

export function TlvAdvices({ draft, tlvId, readOnly, errorOf, edit }: Props) {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="tlv-advices">
      <h2 id="tlv-advices">{t('tlv.section_advices')}</h2>
      <p className="field-hint">{t('tlv.advices_hint')}</p>
      {([0, 1] as const).map((i) => {
        const a = draft.advices[i];
        const p = `advices.${i}`;
        const n = i + 1;
        const on = (patch: Partial<typeof a>, field: string) => edit((d) => withAdvice(d, i, patch), [`${p}.${field}`]);
        return (
          <fieldset key={i} id={fid(p)} tabIndex={-1} className="repeat-row advice">
            <legend>{t('tlv.advice_n', { n })}</legend>
            <TextField id={fid(`${p}.name`)} label={t('tlv.advice_name', { n })} value={a.name} disabled={readOnly}
              error={errorOf(`${p}.name`)} onChange={(v) => on({ name: v }, 'name')} />
            <TextField id={fid(`${p}.discipline`)} label={t('tlv.advice_discipline', { n })} value={a.discipline} disabled={readOnly}
              error={errorOf(`${p}.discipline`)} onChange={(v) => on({ discipline: v }, 'discipline')} />
            <TextField id={fid(`${p}.date`)} type="date" label={t('tlv.advice_date', { n })} value={a.date} disabled={readOnly}
              error={errorOf(`${p}.date`)} onChange={(v) => on({ date: v }, 'date')} />
            <TextArea id={fid(`${p}.advice`)} label={t('tlv.advice_text', { n })} value={a.advice} rows={4} disabled={readOnly}
              error={errorOf(`${p}.advice`)} onChange={(v) => on({ advice: v }, 'advice')} />
            <AttachmentSlot id={fid(`${p}.attachmentId`)} label={t('tlv.advice_upload', { n })} tlvId={tlvId}
              attachmentIds={a.attachmentId ? [a.attachmentId] : []} disabled={readOnly} error={errorOf(`${p}.attachmentId`)}
              onAdded={(m) => on({ attachmentId: m.id }, 'attachmentId')} onRemoved={() => on({ attachmentId: null }, 'attachmentId')} />
          </fieldset>
        );
      })}
    </section>
  );
}
