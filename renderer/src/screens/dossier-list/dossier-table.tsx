// The virtualised dossier table. ARIA table semantics (with aria-rowcount/rowindex, so the
// total is known to screen readers although only visible rows exist), one tabbable row link
// (roving tabindex): Tab enters the list, arrows/PageUp/PageDown/Home/End move, Enter opens.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOSSIER_SORT_FIELDS, type DossierSortField } from '../../../../shared/domain/dossier.js';
import { formatDate, formatDateTimeShort, formatNumber } from '../../../../shared/format.js';
import { Link } from '../../components/link.js';
import { navigate, paths } from '../../router/router.js';
import { useDossierList } from '../../stores/dossier-list-store.js';
import { useLanguage } from '../../stores/language-store.js';
import type { DossierPages } from './use-dossier-pages.js';

export const ROW_HEIGHT = 44;
const PAGE_JUMP = 10;

export function DossierTable({ pages }: { pages: DossierPages }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const { sort, dir, sortBy } = useDossierList();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const total = pages.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensureRange } = pages;

  useEffect(() => {
    if (last >= 0) ensureRange(first, last);
  }, [first, last, ensureRange]);

  // A new list (other filters or sort): back to the top.
  useEffect(() => {
    setActive(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [pages.key]);

  // After an arrow key, focus the row once it is rendered (and again once its data has arrived,
  // unless the user has moved on: focus elsewhere outside the list).
  useEffect(() => {
    if (!focusPending.current) return;
    const body = scrollRef.current;
    const focused = document.activeElement;
    if (focused && focused !== document.body && !body?.contains(focused)) {
      focusPending.current = false;
      return;
    }
    const el = body?.querySelector<HTMLElement>(`[data-row="${active}"]`);
    if (el) {
      if (focused !== el) el.focus();
      focusPending.current = el.tagName !== 'A';
    }
  });

  const visible = items.some((i) => i.index === active);
  const tabbable = visible ? active : first;

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const index = Number(target.dataset.row);
    if (Number.isNaN(index) || target.dataset.row === undefined) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_JUMP,
      PageUp: index - PAGE_JUMP,
      Home: 0,
      End: total - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };

  const ariaSort = (f: DossierSortField) => (sort === f ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');

  return (
    <div role="table" aria-label={t('dossiers.table')} aria-rowcount={total + 1} aria-busy={pages.loading} className="dl-table">
      <div role="rowgroup" className="dl-head">
        <div role="row" aria-rowindex={1} className="dl-row">
          {DOSSIER_SORT_FIELDS.map((f) => (
            <div role="columnheader" key={f} aria-sort={ariaSort(f)} className={`dl-cell dl-col-${f}`}>
              <button type="button" className="sort-button" onClick={() => sortBy(f)}>
                {t(`dossiers.col.${f}`)}
                <span aria-hidden="true" className="sort-icon">
                  {sort === f ? (dir === 'asc' ? '▲' : '▼') : '↕'}
                </span>
              </button>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className="dl-body" onKeyDown={onKeyDown}>
        <div role="presentation" className="dl-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            return (
              <div
                role="row"
                key={item.key}
                aria-rowindex={item.index + 2}
                className={`dl-row dl-data-row${item.index === active ? ' is-active' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(e) => {
                  if (row && !(e.target as HTMLElement).closest('a')) void navigate(paths.dossier(row.id));
                }}
              >
                {row ? (
                  <>
                    <div role="cell" className="dl-cell dl-col-name">
                      <Link
                        to={paths.dossier(row.id)}
                        data-row={item.index}
                        tabIndex={item.index === tabbable ? 0 : -1}
                        onFocus={() => setActive(item.index)}
                      >
                        {row.name}
                      </Link>
                    </div>
                    <div role="cell" className="dl-cell">
                      {formatDate(row.geboortedatum, lang, 'short')}
                    </div>
                    <div role="cell" className="dl-cell">
                      {row.schoolName}
                    </div>
                    <div role="cell" className="dl-cell">
                      <span className={`badge badge-${row.status}`}>{t(`enums.status.${row.status}`)}</span>
                    </div>
                    <div role="cell" className="dl-cell">
                      {formatNumber(row.niveau, lang)}
                    </div>
                    <div role="cell" className="dl-cell">
                      <time dateTime={row.updatedAt}>{formatDateTimeShort(row.updatedAt, lang)}</time>
                    </div>
                  </>
                ) : (
                  <div role="cell" className="dl-cell dl-loading" data-row={item.index} tabIndex={item.index === tabbable ? 0 : -1}>
                    {t('dossiers.loading_row')}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
