import { uuidv7 } from '../../shared/ids.js';
import { generateDemo, DEMO_DEFAULTS } from '../../db/demo/generator.js';
import { CoreError } from '../errors.js';
import type { HandlerContext, Handler } from './index.js';

export function appHandlers({ repos, local, now }: HandlerContext) {
  return {
    'setup:status': () => ({ profile: repos.settings.profile() }),
    'setup:complete': ({ name, role, associationName }) => {
      if (repos.settings.profile()) throw new CoreError('bad_request');
      const id = uuidv7();
      local.sqlite.transaction(() => {
        repos.settings.createUser(id, name, role, now().toISOString());
        repos.settings.setProfile(id, associationName);
      })();
      return repos.settings.profile()!;
    },
    'setup:loadDemo': ({ dossiers, seed }) => {
      // Demo data goes only into an installation that has not been set up: it must never mix with real data.
      if (repos.settings.profile()) throw new CoreError('bad_request');
      const result = generateDemo(local.sqlite, { ...DEMO_DEFAULTS, ...(dossiers !== undefined ? { dossiers } : {}), ...(seed !== undefined ? { seed } : {}) });
      repos.settings.setProfile(result.userId, result.associationName);
      return { profile: repos.settings.profile()!, werkgebieden: result.werkgebieden, schools: result.schools, dossiers: result.dossiers };
    },
    'users:list': () =>
      local.sqlite.prepare<[], { id: string; name: string; role: 'consulent' }>('SELECT id, name, role FROM users ORDER BY name').all(),
  } satisfies { [K in 'setup:status' | 'setup:complete' | 'setup:loadDemo' | 'users:list']: Handler<K> };
}
