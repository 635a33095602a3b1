// One attachment slot: a labelled file input (read as base64 in the browser → attachments:add) and
// the files already attached (name, size, type; remove).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.js';
import { MAX_ATTACHMENT_BYTES, MEDIA_TYPE_KEY } from '../../../../shared/domain/attachments.js';
import { formatNumber } from '../../../../shared/format.js';
import { errorText, validationText } from '../../i18n.js';
import { useLanguage } from '../../stores/language-store.js';
import { ContractError, useTransport } from '../../transport/transport.js';
import { readFile } from './tlv-draft.js';

export type AttachmentMeta = Output<'attachments:add'>;
/** Metadata of attachments added or looked up in this session, by id. */
const known = new Map<string, AttachmentMeta>();

interface Props {
  id: string;
  label: string;
  tlvId: string;
  attachmentIds: readonly string[];
  disabled: boolean;
  error?: string | undefined;
  onAdded(meta: AttachmentMeta): void;
  onRemoved(id: string): void;
}

export function AttachmentSlot({ id, label, tlvId, attachmentIds, disabled, error, onAdded, onRemoved }: Props) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setProblem('');
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setProblem(validationText(t, 'file_too_large'));
      return;
    }
    setBusy(true);
    try {
      const read = await readFile(file);
      if ('problem' in read) {
        setProblem(validationText(t, read.problem));
        return;
      }
      const meta = await transport.call('attachments:add', { ownerType: 'tlv', ownerId: tlvId, name: file.name, base64: read.base64 });
      known.set(meta.id, meta);
      onAdded(meta);
    } catch (err) {
      if (err instanceof ContractError && err.code === 'validation' && err.fields[0]) setProblem(validationText(t, err.fields[0].key));
      else setProblem(errorText(t, err));
    } finally {
      setBusy(false);
      setInputKey((k) => k + 1);
    }
  };
  const shown = problem || error;
  return (
    <div className="field attachment-slot">
      <label htmlFor={id}>{label}</label>
      {attachmentIds.length > 0 && (
        <ul className="attachment-list">
          {attachmentIds.map((a) => (
            <AttachmentItem key={a} id={a} disabled={disabled} onRemove={async () => {
              try {
                await transport.call('attachments:remove', { id: a });
                onRemoved(a);
              } catch (err) {
                setProblem(errorText(t, err));
              }
            }} />
          ))}
        </ul>
      )}
      {!disabled && (
        <input key={inputKey} id={id} type="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.odt" disabled={busy}
          aria-describedby={shown ? `${id}-error` : `${id}-hint`} aria-invalid={shown ? true : undefined}
          onChange={(e) => void upload(e.target.files?.[0])} />
      )}
      <p id={`${id}-hint`} className="field-hint">{t('tlv.upload_hint')}</p>
      {busy && <p role="status" className="busy">{t('tlv.uploading')}</p>}
      {shown && <p id={`${id}-error`} className="field-error" role={problem ? 'alert' : undefined}>{shown}</p>}
    </div>
  );
}

function AttachmentItem({ id, disabled, onRemove }: { id: string; disabled: boolean; onRemove(): Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const [meta, setMeta] = useState<AttachmentMeta | null>(known.get(id) ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (meta) return;
    let live = true;
    transport.call('attachments:get', { id }).then(
      ({ base64: _b, ...m }) => {
        known.set(id, m);
        if (live) setMeta(m);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [transport, id, meta]);
  const name = meta?.name ?? (failed ? t('tlv.attachment_unknown') : t('common.loading'));
  return (
    <li>
      <span>{name}</span>
      {meta && (
        <span>
          {' '}
          {t('tlv.attachment_meta', {
            size: formatNumber(Math.max(1, Math.round(meta.sizeBytes / 1024)), lang), type: t(`enums.media_type.${MEDIA_TYPE_KEY[meta.mediaType]}`),
          })}
        </span>
      )}{' '}
      {!disabled && (
        <button type="button" className="button-link" onClick={() => void onRemove()}>{t('tlv.attachment_remove', { name })}</button>
      )}
    </li>
  );
}
