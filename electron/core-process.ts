// Entry of the core's utilityProcess (`utilityProcess.fork('core-process.cjs')`): the database
// work runs here so a long sync or export never freezes the window.
import type {} from 'electron'; // brings in the type of `process.parentPort`
import { createCore } from '../core/core.js';
import { createCoreServer } from './core-server.js';

const port = process.parentPort;
const server = createCoreServer({
  createCore: (opts) => createCore(opts),
  post: (msg) => port.postMessage(msg),
  exit: (code) => process.exit(code),
  log: (line) => console.error(line),
});
port.on('message', (event) => server.receive(event.data));
