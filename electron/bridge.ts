// What the preload exposes as `window.veldwerk`: one `call` that only knows contract methods.
// Kept apart from preload.ts so it can be tested without Electron.
import { isMethod, type Envelope } from '../shared/contract/index.js';
import type { VeldwerkBridge } from '../shared/contract/bridge.js';
import { message } from '../shared/i18n/index.js';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

export function createBridge(invoke: Invoke): VeldwerkBridge {
  return Object.freeze({
    async call(method: string, input: unknown): Promise<Envelope<unknown>> {
      // Unknown names never reach ipcRenderer, so the page cannot probe other channels.
      if (!isMethod(method)) return { ok: false, error: { code: 'bad_request', message: message('errors.bad_request') } };
      try {
        return (await invoke(method, input)) as Envelope<unknown>;
      } catch {
        // E.g. the input could not be cloned for IPC (a function, a DOM node).
        return { ok: false, error: { code: 'bad_request', message: message('errors.bad_request') } };
      }
    },
  });
}
