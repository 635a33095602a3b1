import { DossierError } from '../../db/repos/dossiers.js';
import { CoreError, fieldError, notFound } from '../errors.js';
import type { HandlerContext, Handler } from './index.js';

function mapped<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof DossierError)) throw err;
    switch (err.kind) {
      case 'not_found':
        throw notFound();
      case 'conflict':
        throw new CoreError('conflict');
      case 'closed':
        throw new CoreError('conflict', undefined, undefined, 'errors.closed_readonly');
      case 'field':
        throw fieldError(err.path, err.key);
    }
  }
}

export function dossierHandlers({ repos }: HandlerContext) {
  const d = repos.dossiers;
  return {
    'dossiers:list': (input) => d.list(input),
    'dossiers:get': ({ id }) => {
      const found = d.get(id);
      if (!found) throw notFound();
      return found;
    },
    'dossiers:create': (input) => mapped(() => d.create(input)),
    'dossiers:update': ({ id, baseVersion, dossier }) => mapped(() => d.update(id, baseVersion, dossier)),
    'dossiers:close': ({ id }) => mapped(() => d.close(id)),
    'dossiers:reopen': ({ id }) => mapped(() => d.reopen(id)),
  } satisfies {
    [K in 'dossiers:list' | 'dossiers:get' | 'dossiers:create' | 'dossiers:update' | 'dossiers:close' | 'dossiers:reopen']: Handler<K>;
  };
}
