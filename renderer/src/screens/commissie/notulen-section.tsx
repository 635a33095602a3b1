// Notulen: autosaved while concept (the shared AutosaveEditor, "Opgeslagen om …"), "Notulen
// vaststellen" behind a confirm dialog (after which the meeting is afgerond) and the notulen PDF.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/contract/index.js';
import { formatTime } from '../../../../shared/format.js';
import { AutosaveEditor, type SaveStatus } from '../../components/autosave.js';
import { Dialog } from '../../components/dialog.js';
import { TextArea } from '../../components/field.js';
import { PdfButton } from '../../components/pdf-button.js';
import { useAutosaveEditor } from '../../components/save-status.js';
import { ErrorMessage } from '../../components/status.js';
import { errorText, validationText } from '../../i18n.js';
import { useLanguage } from '../../stores/language-store.js';
import { ContractError, useTransport, type Transport } from '../../transport/transport.js';
import type { MeetingCtx } from './meeting-screen.js';

type Draft = { notulen: string };

function createNotulenEditor(transport: Transport, ctx: () => MeetingCtx, delayMs?: number) {
  return new AutosaveEditor<Draft, Meeting>(
    {
      toDraft: (m) => ({ notulen: m.notulen }),
      validate: (d): Record<string, string> => (d.notulen.length > 100_000 ? { notulen: 'too_long' } : {}),
      // The agenda and decisions change the meeting's revision too: always send the latest one.
      send: async (draft) => {
        const c = ctx();
        const m = await transport.call('commission:saveNotulen', { meetingId: c.meeting.id, baseRevision: c.latest().revision, notulen: draft.notulen });
        c.apply(m);
        return m;
      },
      readOnly: (m) => m.notulenStatus === 'vastgesteld',
    },
    ctx().meeting,
    delayMs,
  );
}

export function NotulenSection({ ctx, autosaveDelayMs }: { ctx: MeetingCtx; autosaveDelayMs?: number | undefined }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const ctxRef = useRef(ctx);
  useEffect(() => {
    ctxRef.current = ctx;
  });
  const { editor, snap, errorOf } = useAutosaveEditor(() => createNotulenEditor(transport, () => ctxRef.current, autosaveDelayMs));
  const [confirming, setConfirming] = useState(false);
  const readOnly = ctx.readOnly;

  return (
    <section className="form-section" aria-labelledby="notulen-title">
      <h2 id="notulen-title">{t('commission.notulen_title')}</h2>
      <TextArea id="notulen" label={t('commission.notulen_label')} value={snap.draft.notulen} rows={12} disabled={readOnly}
        error={errorOf('notulen')} onChange={(v) => editor.edit(() => ({ notulen: v }), ['notulen'])} />
      <div className="save-bar">
        <NotulenStatus status={snap.status} updatedAt={ctx.meeting.updatedAt} failure={snap.failure} />
        {snap.status === 'conflict' && (
          <button type="button" className="button-secondary" onClick={() => void transport.call('commission:meeting', { id: ctx.meeting.id }).then((m) => {
            ctx.apply(m);
            editor.reset(m);
          })}>{t('commission.reload')}</button>
        )}
      </div>
      <div className="button-row">
        {!readOnly && <button type="button" onClick={() => setConfirming(true)}>{t('commission.finalise')}</button>}
        <PdfButton label={t('commission.notulen_pdf')} busyLabel={t('commission.pdf_busy')}
          before={() => (readOnly ? Promise.resolve(true) : editor.flush())}
          load={() => transport.call('commission:notulenPdf', { meetingId: ctx.meeting.id })} />
      </div>
      {confirming && (
        <FinaliseDialog ctx={ctx} flush={() => editor.flush()} onCancel={() => setConfirming(false)}
          onDone={(m) => {
            editor.replaceSaved(m);
            setConfirming(false);
          }} />
      )}
    </section>
  );
}

function NotulenStatus({ status, updatedAt, failure }: { status: SaveStatus; updatedAt: string; failure: unknown }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const text =
    status === 'pending' || status === 'saving' ? t('commission.save_saving')
      : status === 'saved' ? t('commission.save_saved', { time: formatTime(updatedAt, lang) })
        : status === 'invalid' ? t('commission.save_invalid')
          : status === 'failed' ? t('commission.save_failed', { message: errorText(t, failure) })
            : status === 'conflict' ? t('errors.conflict') : '';
  return <p role="status" aria-live="polite" className={`save-status save-${status}`}>{text}</p>;
}

function FinaliseDialog({ ctx, flush, onCancel, onDone }: { ctx: MeetingCtx; flush(): Promise<boolean>; onCancel(): void; onDone(m: Meeting): void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[]>([]);
  useEffect(() => setError([]), [ctx.meeting.revision]);
  const run = async () => {
    setBusy(true);
    setError([]);
    try {
      if (!(await flush())) {
        setError([t('commission.save_invalid')]);
        return;
      }
      const latest = ctx.latest();
      const m = await transport.call('commission:finaliseNotulen', { meetingId: latest.id, baseRevision: latest.revision });
      ctx.apply(m);
      onDone(m);
    } catch (err) {
      if (err instanceof ContractError && err.code === 'validation') {
        const undecided = ctx.latest().items.filter((i) => !i.decision).map((i) => i.title);
        const keys = [...new Set(err.fields.map((f) => validationText(t, f.key)))];
        setError([...keys, ...(undecided.length ? [t('commission.finalise_undecided', { list: undecided.join(', ') })] : [])]);
      } else setError([errorText(t, err)]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('commission.finalise_title')} onCancel={onCancel}>
      <p>{t('commission.finalise_text')}</p>
      {error.length > 0 && <ErrorMessage>{error.join(' ')}</ErrorMessage>}
      <div className="button-row">
        <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('commission.busy') : t('commission.finalise_confirm')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </Dialog>
  );
}
