import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu.js';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}

describe('app menu', () => {
  it('labels every item in Dutch from the i18n files (no raw keys)', () => {
    for (const isMac of [true, false]) {
      const all = items(buildMenuTemplate({ isMac, isDev: true })).filter((i) => i.type !== 'separator');
      expect(all.length).toBeGreaterThan(5);
      for (const i of all) expect(i.label, JSON.stringify(i)).toMatch(/^[A-Z][^.]*$/);
      expect(all.map((i) => i.label)).toContain('Kopiëren');
    }
  });

  it('offers developer tools only in development', () => {
    const roles = (isDev: boolean) => items(buildMenuTemplate({ isMac: false, isDev })).map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('paste');
  });

  it('uses English labels when asked', () => {
    const labels = items(buildMenuTemplate({ isMac: false, isDev: false, lang: 'en' })).map((i) => i.label);
    expect(labels).toContain('Copy');
  });
});
