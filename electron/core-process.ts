// Entry of the core's utilityProcess (`utilityProcess.fork('core-process.cjs')`): the database
// work runs here so a long sync or export never freezes the window.
import type {} from 'electron'; // brings in the type of `process.parentPort`
import { join } from 'node:path';
import { createCore } from '../core/core.js';
import { createCoreServer } from './core-server.js';

const port = process.parentPort;
const server = createCoreServer({
  // The bundle runs from dist/electron; the build copies the PDF fonts to dist/fonts.
  createCore: (opts) => createCore({ ...opts, fontsDir: join(__dirname, '../fonts') }),
  post: (msg) => port.postMessage(msg),
  exit: (code) => process.exit(code),
  log: (line) => console.error(line),
});
port.on('message', (event) => server.receive(event.data));
