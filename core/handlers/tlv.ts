// TLV, attachment and termijn handlers: tlv:*, attachments:*, termijnen:list.
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { notFound } from '../errors.js';
import { docMapped } from './arrangements.js';
import type { Handler, HandlerContext } from './index.js';

export function tlvHandlers(ctx: HandlerContext) {
  const { repos, now } = ctx;
  const t = repos.tlv;
  const get = (id: string) => {
    const found = t.get(id);
    if (!found) throw notFound();
    return found;
  };
  return {
    'tlv:list': ({ dossierId, status }) => t.list(dossierId, status),
    'tlv:get': ({ id }) => get(id),
    'tlv:create': ({ dossierId }) => get(docMapped(() => t.create(dossierId))),
    'tlv:save': ({ id, baseRevision, tlv }) => {
      docMapped(() => t.save(id, baseRevision, tlv));
      return get(id);
    },
    'tlv:markComplete': ({ id, baseRevision }) => {
      docMapped(() => t.markComplete(id, baseRevision));
      return get(id);
    },
    'tlv:submit': ({ id, baseRevision }) => {
      docMapped(() => t.submit(id, baseRevision));
      return get(id);
    },
    'attachments:add': ({ ownerType, ownerId, name, base64 }) => docMapped(() => repos.attachments.add(ownerType, ownerId, name, base64)),
    'attachments:get': ({ id }) => {
      const found = docMapped(() => repos.attachments.get(id));
      if (!found) throw notFound();
      return found;
    },
    'attachments:remove': ({ id }) => docMapped(() => repos.attachments.remove(id)),
    'termijnen:list': (filter) => {
      const today = todayInAmsterdam(now());
      return { today, items: repos.termijnen(filter, today, repos.budgets.settings().decisionWeeks) };
    },
  } satisfies {
    [K in 'tlv:list' | 'tlv:get' | 'tlv:create' | 'tlv:save' | 'tlv:markComplete' | 'tlv:submit' | 'attachments:add' | 'attachments:get'
      | 'attachments:remove' | 'termijnen:list']: Handler<K>;
  };
}
