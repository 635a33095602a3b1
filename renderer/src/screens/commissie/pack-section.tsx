// The meeting pack: "Vergaderstuk (volledig)" and "(gepseudonimiseerd)". Each starts a job in the core
// and polls its status, shown as a labelled <progress> "x van y"; when done the PDF is offered like
// every other PDF button (a download); a failure shows its errors.<key> message.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.js';
import { PACK_VARIANTS, type PackVariant } from '../../../../shared/domain/commission.js';
import { downloadPdf } from '../../components/pdf-button.js';
import { ErrorMessage, SuccessMessage } from '../../components/status.js';
import { errorText, i18n } from '../../i18n.js';
import { useTransport } from '../../transport/transport.js';

export const PACK_POLL_MS = 200;
type Job = Output<'commission:startPack'>;

export function PackSection({ meetingId, pollMs = PACK_POLL_MS }: { meetingId: string; pollMs?: number | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="pack-title">
      <h2 id="pack-title">{t('commission.pack_title')}</h2>
      <p className="field-hint">{t('commission.pack_hint')}</p>
      {PACK_VARIANTS.map((v) => <PackJob key={v} meetingId={meetingId} variant={v} pollMs={pollMs} />)}
    </section>
  );
}

function PackJob({ meetingId, variant, pollMs }: { meetingId: string; variant: PackVariant; pollMs: number }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [job, setJob] = useState<Job | null>(null);
  const [pdf, setPdf] = useState<Job['pdf']>(null);
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = useRef(true);
  useEffect(() => () => {
    live.current = false;
    clearTimeout(timer.current);
  }, []);
  const label = t(`commission.pack_${variant}`);
  const running = job?.state === 'running';

  const follow = (j: Job) => {
    if (!live.current) return;
    setJob(j);
    if (j.state === 'done') {
      setPdf(j.pdf);
    } else if (j.state === 'failed') {
      const key = j.errorKey ? `errors.${j.errorKey.replace(/^errors\./, '')}` : 'errors.commission_pack_failed';
      setError(i18n.exists(key) ? t(key) : t('errors.commission_pack_failed'));
    } else {
      timer.current = setTimeout(() => {
        transport.call('commission:packStatus', { jobId: j.jobId }).then(follow, fail);
      }, pollMs);
    }
  };
  const fail = (err: unknown) => {
    if (!live.current) return;
    setJob(null);
    setError(errorText(t, err));
  };
  const start = () => {
    setError('');
    setPdf(null);
    clearTimeout(timer.current);
    setJob({ jobId: '', state: 'running', done: 0, total: 0, pdf: null, errorKey: null });
    transport.call('commission:startPack', { meetingId, variant }).then(follow, fail);
  };
  const progressId = `pack-${variant}-progress`;

  return (
    <div className="pack-job">
      <button type="button" className="button-secondary" onClick={start} disabled={running} aria-busy={running || undefined}>
        {label}
      </button>
      {running && (
        <div className="field">
          <label htmlFor={progressId}>{t('commission.pack_progress', { variant: label })}</label>
          <progress id={progressId} max={Math.max(job.total, 1)} value={job.done}
            aria-valuetext={t('commission.pack_steps', { done: job.done, total: job.total })} />
          <span aria-hidden="true">{t('commission.pack_steps', { done: job.done, total: job.total })}</span>
        </div>
      )}
      {job?.state === 'done' && pdf && (
        <>
          <SuccessMessage>{t('commission.pack_done', { variant: label })}</SuccessMessage>
          <button type="button" onClick={() => downloadPdf(pdf)}>{t('commission.pack_open', { variant: label })}</button>
        </>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
