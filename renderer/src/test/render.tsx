// Rendering with the app's providers; also registers RTL cleanup (vitest globals are off).
import '@testing-library/jest-dom/vitest';
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach } from 'vitest';
import { i18n } from '../i18n.js';
import { TransportContext, type Transport } from '../transport/transport.js';

afterEach(() => cleanup());

export function renderWith(ui: ReactElement, transport: Transport) {
  return render(
    <I18nextProvider i18n={i18n}>
      <TransportContext.Provider value={transport}>{ui}</TransportContext.Provider>
    </I18nextProvider>,
  );
}
