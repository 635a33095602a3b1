// One conflict: "Uw versie" and "Versie op de server" side by side, the common base collapsed, and
// the three ways out: keep mine, keep the other, or merge by hand in a prefilled text area.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../shared/contract/index.js';
import { TextArea } from '../../components/field.js';
import { Link } from '../../components/link.js';
import { ErrorMessage } from '../../components/status.js';
import { paths } from '../../router/router.js';
import { fieldLabel, syncFailureText } from '../../sync/sync-text.js';

export type Resolution = 'mine' | 'theirs' | 'merged';

interface Props {
  conflict: SyncConflict;
  /** Rejects when resolving failed; the detail then shows why. */
  onResolve(resolution: Resolution, text?: string): Promise<void>;
}

function VersionText({ value }: { value: string }) {
  const { t } = useTranslation();
  return value === '' ? <p className="empty">{t('sync.conflicts.empty_value')}</p> : <div className="conflict-text">{value}</div>;
}

export function ConflictDetail({ conflict: c, onResolve }: Props) {
  const { t } = useTranslation();
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const field = fieldLabel(t, c.field);

  const run = async (resolution: Resolution, text?: string) => {
    setBusy(true);
    setFailure('');
    try {
      await onResolve(resolution, text);
    } catch (err) {
      setFailure(syncFailureText(t, err));
      setBusy(false);
    }
  };

  const startMerge = () => {
    setMerged([c.deviceValue, c.storeValue].filter((v) => v !== '').join('\n\n'));
    setMerging(true);
    setTimeout(() => document.getElementById('merge-text')?.focus(), 0);
  };

  return (
    <section aria-labelledby="conflict-detail-title" className="conflict-detail">
      <h3 id="conflict-detail-title" tabIndex={-1}>
        {t('sync.conflicts.detail_heading', { title: c.title, field })}
      </h3>
      {c.dossierId && (
        <p>
          <Link to={paths.dossier(c.dossierId)}>{t('sync.conflicts.open_dossier')}</Link>
        </p>
      )}
      <div className="conflict-versions">
        <section aria-labelledby="conflict-mine-title" className="conflict-version">
          <h4 id="conflict-mine-title">{t('sync.conflicts.mine')}</h4>
          <VersionText value={c.deviceValue} />
        </section>
        <section aria-labelledby="conflict-theirs-title" className="conflict-version">
          <h4 id="conflict-theirs-title">{t('sync.conflicts.theirs')}</h4>
          <VersionText value={c.storeValue} />
        </section>
      </div>
      <details className="conflict-base">
        <summary>{t('sync.conflicts.base')}</summary>
        <VersionText value={c.baseValue} />
      </details>
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      {!merging ? (
        <div className="conflict-actions">
          <button type="button" className="button-primary" disabled={busy} onClick={() => void run('mine')}>
            {t('sync.conflicts.keep_mine')}
          </button>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void run('theirs')}>
            {t('sync.conflicts.keep_theirs')}
          </button>
          <button type="button" id="merge-start" className="button-secondary" disabled={busy} onClick={startMerge}>
            {t('sync.conflicts.merge')}
          </button>
        </div>
      ) : (
        <form
          className="conflict-merge"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run('merged', merged);
          }}
        >
          <TextArea
            id="merge-text"
            label={t('sync.conflicts.merge_label')}
            hint={t('sync.conflicts.merge_hint')}
            value={merged}
            onChange={setMerged}
            rows={Math.min(20, Math.max(8, merged.split('\n').length + 2))}
          />
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('sync.conflicts.resolving') : t('sync.conflicts.merge_save')}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() => {
              setMerging(false);
              setTimeout(() => document.getElementById('merge-start')?.focus(), 0);
            }}
          >
            {t('common.cancel')}
          </button>
        </form>
      )}
    </section>
  );
}
