// Pages of 100 dossiers fetched by offset as the user scrolls. The cache belongs to one set of
// filters: when they change the old pages are dropped (but stay on screen until the new first
// page arrives, so typing in the search box does not make the list flash empty).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DossierListInput, DossierRow } from '../../../../shared/contract/index.js';
import { useTransport } from '../../transport/transport.js';

export const PAGE_SIZE = 100;

export type ListParams = Omit<DossierListInput, 'offset' | 'limit'>;

interface View {
  key: string;
  total: number;
  pages: ReadonlyMap<number, DossierRow[]>;
}

export interface DossierPages {
  /** `null` until the first page of the current filters (or earlier ones) arrived. */
  total: number | null;
  rowAt(index: number): DossierRow | undefined;
  /** Make sure the pages holding rows `start..end` are (being) loaded. */
  ensureRange(start: number, end: number): void;
  /** The rows shown still belong to earlier filters, or nothing is loaded yet. */
  loading: boolean;
  error: unknown;
  retry(): void;
  /** Changes whenever the filters change: a new list. */
  key: string;
}

export function useDossierPages(params: ListParams): DossierPages {
  const transport = useTransport();
  const key = JSON.stringify(params);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const inflight = useRef(new Set<string>());
  const currentKey = useRef(key);

  const fetchPage = useCallback(
    (k: string, page: number) => {
      const id = `${page}|${k}`;
      if (inflight.current.has(id)) return;
      inflight.current.add(id);
      const p = JSON.parse(k) as ListParams;
      transport.call('dossiers:list', { ...p, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (res) => {
          inflight.current.delete(id);
          if (currentKey.current !== k) return; // answer for filters that are no longer shown
          setError(null);
          setView((v) => {
            const pages = new Map(v && v.key === k ? v.pages : []);
            pages.set(page, res.rows);
            return { key: k, total: res.total, pages };
          });
        },
        (err: unknown) => {
          inflight.current.delete(id);
          if (currentKey.current === k) setError(err);
        },
      );
    },
    [transport],
  );

  useEffect(() => {
    currentKey.current = key;
    fetchPage(key, 0);
  }, [key, fetchPage, attempt]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (!view || view.key !== key) return;
      const last = Math.min(end, view.total - 1);
      for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
        if (!view.pages.has(p)) fetchPage(key, p);
      }
    },
    [view, key, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => view?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [view],
  );

  const retry = useCallback(() => {
    setError(null);
    setAttempt((a) => a + 1);
    if (view && view.key === key) {
      // Pages that failed are simply missing: ensureRange asks for them again on the next render.
      setView({ ...view, pages: new Map(view.pages) });
    }
  }, [view, key]);

  return { total: view?.total ?? null, rowAt, ensureRange, loading: !view || view.key !== key, error, retry, key };
}
