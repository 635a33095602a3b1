// A button that fetches a PDF from the core (base64) and hands it to the browser as a download
// via a temporary <a download> on a blob: URL (the CSP allows blob:). Busy while it works.
import type { Output } from '../../../shared/contract/index.js';
import { ErrorMessage } from './status.js';
import { useAction } from './use-async.js';

export function downloadPdf(pdf: Output<'mdo:pdf'>): void {
  const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = pdf.filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Props {
  label: string;
  busyLabel: string;
  load(): Promise<Output<'mdo:pdf'>>;
  /** Runs first (e.g. save pending edits); false stops the download. */
  before?(): Promise<boolean>;
}

export function PdfButton({ label, busyLabel, load, before }: Props) {
  const { busy, error, run } = useAction(async () => {
    if (before && !(await before())) return;
    downloadPdf(await load());
  });
  return (
    <span className="pdf-button">
      <button type="button" className="button-secondary" onClick={run} disabled={busy} aria-busy={busy || undefined}>
        {busy && <span className="spinner" aria-hidden="true" />} {busy ? busyLabel : label}
      </button>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </span>
  );
}
