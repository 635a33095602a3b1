// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.js';
import { nl } from '../../shared/i18n/nl.js';
import { AppHeader } from './components/app-header.js';
import { LANG_KEY } from './i18n.js';
import { useLanguage } from './stores/language-store.js';
import { useSession } from './stores/session-store.js';
import { id } from './test/data.js';
import { fakeTransport } from './test/fake-transport.js';
import { renderWith } from './test/render.js';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function lookup(key: string, root: unknown = nl): unknown {
  return key.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), root);
}

afterEach(() => act(() => useLanguage.getState().setLang('nl')));

describe('translations', () => {
  it('nl and en have exactly the same keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
  });

  it('no translation is empty', () => {
    for (const [lang, res] of [['nl', nl], ['en', en]] as const) {
      for (const key of keysOf(res)) expect(String(lookup(key, res)).trim(), `${lang}:${key}`).not.toBe('');
    }
  });

  it('every literal key the renderer uses exists (plural keys by their _one/_other forms)', () => {
    const sources = import.meta.glob(['./**/*.tsx', './**/*.ts', '!./**/*.test.*'], {
      query: '?raw', import: 'default', eager: true,
    }) as Record<string, string>;
    const used = new Set<string>();
    for (const src of Object.values(sources)) {
      for (const m of src.matchAll(/\bt\(\s*'([a-z_]+(?:\.[a-zA-Z0-9_]+)+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => typeof lookup(k) !== 'string' && typeof lookup(`${k}_other`) !== 'string');
    expect(missing).toEqual([]);
  });
});

describe('language switch', () => {
  it('switches visible text to English, sets <html lang> and remembers the choice', async () => {
    const user = userEvent.setup();
    useSession.setState({
      vault: { state: 'unlocked', protection: 'passphrase' },
      profile: { userId: id(500), name: 'Ilse de Boer', role: 'consulent', associationName: 'SWV Noord' },
    });
    renderWith(<AppHeader showNav />, fakeTransport({}));
    expect(screen.getByRole('link', { name: nl.nav.beheer })).toBeInTheDocument();
    expect(screen.getByText('Ilse de Boer, Consulent')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('link', { name: en.nav.beheer })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: nl.nav.beheer })).not.toBeInTheDocument();
    expect(screen.getByText('Ilse de Boer, Consultant')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: en.nav.label })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANG_KEY)).toBe('en');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });
});
