// "Exporteren" on the dossier: inzage for the parents (AVG art. 15) and overdracht to another school.
// Each makes two files, a PDF to read and a JSON file (docs/export.md), both handed to the browser
// as downloads like the other PDF buttons. The overdracht first asks where the dossier goes.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Output } from '../../../../shared/contract/index.js';
import { mayCall } from '../../../../shared/contract/roles.js';
import { downloadPdf } from '../../components/pdf-button.js';
import { TextField } from '../../components/field.js';
import { Busy, ErrorMessage, SuccessMessage } from '../../components/status.js';
import { useAction } from '../../components/use-async.js';
import { useSession } from '../../stores/session-store.js';
import { useTransport } from '../../transport/transport.js';

type ExportResult = Output<'export:inzage'>;

/** The JSON beside the PDF, under the same name (which never holds the pupil's name). */
export function downloadJson(json: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function downloadBoth(out: ExportResult): void {
  downloadPdf(out.pdf);
  downloadJson(out.json, out.pdf.filename.replace(/\.pdf$/, '.json'));
}

export function DossierExport({ dossier }: { dossier: Pick<Dossier, 'id'> }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const role = useSession((s) => s.profile?.role ?? null);
  const [open, setOpen] = useState(false);
  const [bestemming, setBestemming] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  /** Back to the overdracht button once it is enabled again (it is disabled while the export runs). */
  const [refocus, setRefocus] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const inzage = useAction(async () => {
    setDone(false);
    downloadBoth(await transport.call('export:inzage', { dossierId: dossier.id }));
    setDone(true);
  });
  const overdracht = useAction(async () => {
    setDone(false);
    downloadBoth(await transport.call('export:overdracht', { dossierId: dossier.id, bestemming: bestemming.trim() }));
    setDone(true);
    setOpen(false);
    setBestemming('');
    setRefocus(true);
  });
  const busy = inzage.busy || overdracht.busy;
  const error = inzage.error || overdracht.error;

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!refocus || busy) return;
    opener.current?.focus();
    setRefocus(false);
  }, [refocus, busy]);

  const close = () => {
    setOpen(false);
    setMissing(false);
    opener.current?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!bestemming.trim()) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    void overdracht.run();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.stopPropagation();
      close();
    }
  };

  // Casework only (shared/contract/roles.ts): the core refuses the others, so the group is not offered.
  if (role && !mayCall('export:inzage', { role, linked: true })) return null;

  return (
    <section className="form-section dossier-export" aria-labelledby="dossier-export-title">
      <h2 id="dossier-export-title">{t('dossier_export.title')}</h2>
      <p>{t('dossier_export.intro')}</p>
      <div className="export-option">
        <button
          type="button" className="button-secondary" onClick={() => void inzage.run()} disabled={busy}
          aria-describedby="dossier-export-inzage-hint"
        >
          {t('dossier_export.inzage')}
        </button>
        <p id="dossier-export-inzage-hint" className="field-hint">{t('dossier_export.inzage_hint')}</p>
      </div>
      <div className="export-option">
        <button
          ref={opener} type="button" className="button-secondary" onClick={() => (open ? close() : setOpen(true))} disabled={busy}
          aria-expanded={open} aria-controls="dossier-export-overdracht" aria-describedby="dossier-export-overdracht-hint"
        >
          {t('dossier_export.overdracht')}
        </button>
        <p id="dossier-export-overdracht-hint" className="field-hint">{t('dossier_export.overdracht_hint')}</p>
        {open && (
          <form id="dossier-export-overdracht" noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('dossier_export.overdracht')}>
            <TextField
              id="dossier-export-bestemming" label={t('dossier_export.bestemming')} value={bestemming} required maxLength={200}
              onChange={setBestemming} inputRef={input} error={missing ? t('dossier_export.bestemming_required') : undefined}
            />
            <button type="submit" className="button-primary" disabled={busy}>{t('dossier_export.make_overdracht')}</button>{' '}
            <button type="button" className="button-secondary" onClick={close} disabled={busy}>{t('dossier_export.cancel')}</button>
          </form>
        )}
      </div>
      {busy && <Busy>{t('dossier_export.busy')}</Busy>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {done && !busy && <SuccessMessage>{t('dossier_export.done')}</SuccessMessage>}
    </section>
  );
}
