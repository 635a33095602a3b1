// jsdom has no layout: give scrolling lists a height so the virtualiser renders rows. Call once at the
// top of a test file; the real property is restored after the file's tests.
import { afterAll, beforeAll } from 'vitest';

export function stubListHeight(px = 440): void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => px });
  });
  afterAll(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  });
}
