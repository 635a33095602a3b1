// Electron: the preload's `window.veldwerk.call`, which already returns an envelope.
import type { VeldwerkBridge } from '../../../shared/contract/bridge.js';
import type { Envelope, Input, Method, Output } from '../../../shared/contract/index.js';
import { ContractError, unwrap, type Transport } from './transport.js';

export function createIpcTransport(bridge: VeldwerkBridge, networkMessage: () => string): Transport {
  return {
    async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      let envelope: Envelope<Output<M>>;
      try {
        envelope = (await bridge.call(method, input ?? {})) as Envelope<Output<M>>;
      } catch {
        throw new ContractError('network', networkMessage());
      }
      return unwrap(envelope);
    },
  };
}
