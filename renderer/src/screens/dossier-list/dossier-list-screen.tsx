// Home: all dossiers the user may see, searchable, filterable, sortable, virtualised.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../shared/format.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { navigate, paths } from '../../router/router.js';
import { useDossierList } from '../../stores/dossier-list-store.js';
import { useLanguage } from '../../stores/language-store.js';
import { DossierFilters } from './dossier-filters.js';
import { DossierTable } from './dossier-table.js';
import { useDossierPages, type ListParams } from './use-dossier-pages.js';

export function DossierListScreen() {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const { query, werkgebiedId, schoolId, status, niveau, mine, sort, dir } = useDossierList();
  useDocumentTitle(t('dossiers.title'));

  const params = useMemo<ListParams>(() => {
    const p: ListParams = { sort, dir };
    if (query) p.query = query;
    if (werkgebiedId) p.werkgebiedId = werkgebiedId;
    if (schoolId) p.schoolId = schoolId;
    if (status) p.status = status;
    if (niveau !== '') p.niveau = niveau;
    if (mine) p.mine = true;
    return p;
  }, [query, werkgebiedId, schoolId, status, niveau, mine, sort, dir]);
  const pages = useDossierPages(params);

  return (
    <div className="dossier-list">
      <div className="screen-head">
        <h1>{t('dossiers.title')}</h1>
        <button type="button" className="button-primary" onClick={() => void navigate(paths.dossierNew)}>
          {t('dossiers.new')}
        </button>
      </div>
      <DossierFilters />
      <div className="list-meta">
        <p role="status" aria-live="polite" className="list-count">
          {pages.total !== null && t('dossiers.count', { count: pages.total, formatted: formatNumber(pages.total, lang) })}
        </p>
        {pages.loading && pages.total !== null && <span className="spinner" aria-hidden="true" />}
      </div>
      {pages.error !== null && (
        <ErrorMessage
          action={
            <button type="button" onClick={pages.retry}>
              {t('common.retry')}
            </button>
          }
        >
          {errorText(t, pages.error)}
        </ErrorMessage>
      )}
      {pages.total === null && pages.error === null && <Busy>{t('common.loading')}</Busy>}
      {pages.total === 0 && !pages.loading && <p className="empty">{t('dossiers.empty')}</p>}
      {pages.total !== null && pages.total > 0 && (
        <>
          <p className="field-hint" id="dl-keys">
            {t('dossiers.keyboard_hint')}
          </p>
          <DossierTable pages={pages} />
        </>
      )}
    </div>
  );
}
