// Start-up: pick the transport (the ONE place that knows which host we run in), then render.
import './zod-config.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.js';
import { i18n } from './i18n.js';
import { syncRouteFromLocation } from './router/router.js';
import { createHttpTransport } from './transport/http-transport.js';
import { createIpcTransport } from './transport/ipc-transport.js';
import { consumeToken } from './transport/token.js';
import { TransportContext, type Transport } from './transport/transport.js';
import './styles.css';

const networkMessage = () => i18n.t('errors.network');

function chooseTransport(): Transport {
  if (window.veldwerk) return createIpcTransport(window.veldwerk, networkMessage);
  // Web host: the token must be taken out of the hash before the router reads it.
  const token = consumeToken() ?? '';
  return createHttpTransport(token, networkMessage);
}

const transport = chooseTransport();
// No hash: the start page, which is the role's home (renderer/src/roles/use-can.ts).
if (!window.location.hash || window.location.hash === '#') {
  window.history.replaceState(null, '', '#/');
}
syncRouteFromLocation();
document.title = i18n.t('app.name');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <TransportContext.Provider value={transport}>
        <App />
      </TransportContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
