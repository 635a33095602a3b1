import type { Envelope } from './common.js';

/** The one object the Electron preload puts on `window.veldwerk`. */
export interface VeldwerkBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    veldwerk?: VeldwerkBridge;
  }
}
