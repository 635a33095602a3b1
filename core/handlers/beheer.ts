import { readSchoolCsv } from '../../shared/domain/csv.js';
import { BeheerFieldError, ImportRejected } from '../../db/repos/beheer.js';
import { CoreError, fieldError } from '../errors.js';
import type { HandlerContext, Handler } from './index.js';

/** Field problems found in the database (a BRIN already in use, an unknown werkgebied) become validation errors. */
function fields<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BeheerFieldError) throw fieldError(err.path, err.key);
    throw err;
  }
}

export function beheerHandlers({ repos }: HandlerContext) {
  const b = repos.beheer;
  return {
    'werkgebieden:list': () => b.listWerkgebieden(),
    'werkgebieden:save': (input) => fields(() => b.saveWerkgebied(input)),
    'schools:list': ({ werkgebiedId }) => b.listSchools(werkgebiedId),
    'schools:save': (input) => fields(() => b.saveSchool(input)),
    'schools:import': ({ csv, apply }) => {
      const { rows, issues } = readSchoolCsv(csv);
      if (issues.length) throw new CoreError('validation', undefined, issues, 'errors.import_invalid');
      try {
        return b.importSchools(rows, apply);
      } catch (err) {
        if (err instanceof ImportRejected) throw new CoreError('validation', undefined, err.issues, 'errors.import_invalid');
        throw err;
      }
    },
  } satisfies { [K in 'werkgebieden:list' | 'werkgebieden:save' | 'schools:list' | 'schools:save' | 'schools:import']: Handler<K> };
}
