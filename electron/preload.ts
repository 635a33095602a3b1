// Sandboxed preload: exposes exactly one object, `window.veldwerk`, and nothing of ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld(
  'veldwerk',
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
