// Shared set-up of the arrangement, budget and TLV tests: a werkgebied with a school and a dossier,
// and a minimal valid arrangement input.
import type { Input } from '../../shared/contract/index.js';
import { mdoDossier } from '../helpers/mdo-fixtures.js';
import type { TestCore } from '../helpers/temp-core.js';

export type ArrInput = Input<'arrangements:create'>['arrangement'];

export async function arrSetup(t: TestCore) {
  await t.call('setup:complete', { name: 'Consulent Test', role: 'consulent', associationName: 'SWV Test' });
  const dossier = await mdoDossier(t);
  const school = (await t.call('schools:list', {})).find((s) => s.id === dossier.schoolId)!;
  return { dossier, schoolId: dossier.schoolId, werkgebiedId: school.werkgebiedId };
}

/** 2,5 h × 38 weeks × € 52,50 = € 4.987,50. */
export const LINE = { type: 'ambulante_begeleiding', typeOther: '', provider: 'AB Noord', unit: 'uur', hoursPerWeekCenti: 250, weeks: 38, rateCents: 5250 } as const;

export function arrInput(ids: { werkgebiedId: string; schoolId: string | null; dossierId: string | null }, over: Partial<ArrInput> = {}): ArrInput {
  return {
    title: 'Ondersteuning lezen', dossierId: ids.dossierId, werkgebiedId: ids.werkgebiedId, schoolId: ids.schoolId, route: 1,
    targets: ['kind'], pupilScope: 'een_leerling', pupils: [], pupilCount: 1, ondersteuningsvraag: '', goals: [],
    inzet: [{ ...LINE }], startDate: '2026-09-01', endDate: '2027-06-30', evaluationDates: ['2027-01-15'], mdoId: null, toelichting: '',
    ...over,
  };
}
