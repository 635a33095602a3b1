// Filters, sort and search of the dossier list; kept while the user opens a dossier and comes back.
import { create } from 'zustand';
import type { DossierSortField, DossierStatus, Niveau } from '../../../shared/domain/dossier.js';

export interface DossierFilters {
  query: string;
  werkgebiedId: string;
  schoolId: string;
  status: DossierStatus | '';
  niveau: Niveau | '';
  mine: boolean;
  sort: DossierSortField;
  dir: 'asc' | 'desc';
}

export const DEFAULT_FILTERS: DossierFilters = {
  query: '',
  werkgebiedId: '',
  schoolId: '',
  status: '',
  niveau: '',
  mine: false,
  sort: 'name',
  dir: 'asc',
};

interface DossierListState extends DossierFilters {
  set(patch: Partial<DossierFilters>): void;
  /** Click on a column header: same column flips direction, another column starts ascending. */
  sortBy(field: DossierSortField): void;
  reset(): void;
}

export const useDossierList = create<DossierListState>((set) => ({
  ...DEFAULT_FILTERS,
  set: (patch) =>
    set((s) => ({
      ...patch,
      // A school belongs to one werkgebied: changing the werkgebied clears the school.
      ...(patch.werkgebiedId !== undefined && patch.werkgebiedId !== s.werkgebiedId && patch.schoolId === undefined
        ? { schoolId: '' }
        : {}),
    })),
  sortBy: (field) => set((s) => (s.sort === field ? { dir: s.dir === 'asc' ? 'desc' : 'asc' } : { sort: field, dir: 'asc' })),
  reset: () => set({ ...DEFAULT_FILTERS }),
}));
