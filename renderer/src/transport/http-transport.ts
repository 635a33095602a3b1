// The web host: POST /api/<method> on the page's own origin, authorised by the per-run token.
import type { Envelope, Input, Method, Output } from '../../../shared/contract/index.js';
import { ContractError, unwrap, type Transport } from './transport.js';

export function createHttpTransport(token: string, networkMessage: () => string, base = ''): Transport {
  return {
    async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      let envelope: Envelope<Output<M>>;
      try {
        const res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-veldwerk-token': token },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
          cache: 'no-store',
        });
        envelope = (await res.json()) as Envelope<Output<M>>;
      } catch {
        throw new ContractError('network', networkMessage());
      }
      return unwrap(envelope);
    },
  };
}
