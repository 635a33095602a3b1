import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchTokens, mergeText, tokenize } from './merge.js';

describe('mergeText', () => {
  it('keeps disjoint edits of both sides', () => {
    const base = 'Het kind leest graag. Rekenen gaat moeizaam.';
    const store = 'Het kind leest heel graag. Rekenen gaat moeizaam.';
    const device = 'Het kind leest graag. Rekenen gaat beter.';
    expect(mergeText(base, store, device)).toEqual({ clean: true, text: 'Het kind leest heel graag. Rekenen gaat beter.' });
  });

  it('reports overlapping different edits as a conflict', () => {
    expect(mergeText('de bal is rood', 'de bal is blauw', 'de bal is groen')).toEqual({ clean: false });
  });

  it('accepts the same edit on both sides, and appends at both ends', () => {
    expect(mergeText('a b', 'a c', 'a c')).toEqual({ clean: true, text: 'a c' });
    expect(mergeText('midden', 'begin midden', 'midden eind')).toEqual({ clean: true, text: 'begin midden eind' });
  });

  it('matches tokens along a shortest edit script', () => {
    const a = tokenize('a b c d');
    const b = tokenize('a x c d e');
    const m = matchTokens(a, b)!;
    expect(Array.from(m)).toEqual([0, 1, -1, 3, 4, 5, 6]);
  });

  it('handles long texts with edits far apart', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `w${i % 97}`);
    const edit = (i: number, to: string) => words.map((w, j) => (j === i ? to : w)).join(' ');
    const res = mergeText(words.join(' '), edit(10, 'X'), edit(40_000, 'Y'));
    expect(res.clean && res.text).toBe(words.map((w, j) => (j === 10 ? 'X' : j === 40_000 ? 'Y' : w)).join(' '));
  });

  const word = fc.stringMatching(/^[a-z]{1,6}$/);
  const text = fc.array(fc.oneof(word, fc.constantFrom(' ', '\n', '  ')), { maxLength: 30 }).map((t) => t.join(''));

  it('property: identities of a three-way merge', () => {
    fc.assert(fc.property(text, text, (b, x) => {
      expect(mergeText(b, b, x)).toEqual({ clean: true, text: x });
      expect(mergeText(b, x, b)).toEqual({ clean: true, text: x });
      expect(mergeText(b, x, x)).toEqual({ clean: true, text: x });
    }));
  });

  it('property: edits to different words are both kept', () => {
    // Unique words, so every word has one place; each side replaces or extends its own words, and
    // every other word stays untouched so no two edits touch (adjacent edits are a conflict, as in diff3).
    const scenario = fc.integer({ min: 2, max: 25 }).chain((n) => fc.record({
      n: fc.constant(n),
      sides: fc.array(fc.constantFrom<'keep' | 'store' | 'device'>('keep', 'store', 'device'), { minLength: n, maxLength: n }),
      edits: fc.array(fc.constantFrom<'replace' | 'append'>('replace', 'append'), { minLength: n, maxLength: n }),
    }));
    fc.assert(fc.property(scenario, ({ n, sides, edits }) => {
      const words = Array.from({ length: n }, (_, i) => `w${i}`);
      for (let i = 1; i < n; i += 2) sides[i] = 'keep';
      const edit = (side: 'store' | 'device') => words.map((w, i) => {
        if (sides[i] !== side) return w;
        return edits[i] === 'replace' ? `${side}${i}` : `${w} ${side}${i}`;
      });
      const expected = words.map((w, i) => {
        if (sides[i] === 'keep') return w;
        return edits[i] === 'replace' ? `${sides[i]}${i}` : `${w} ${sides[i]}${i}`;
      });
      const res = mergeText(words.join(' '), edit('store').join(' '), edit('device').join(' '));
      expect(res).toEqual({ clean: true, text: expected.join(' ') });
    }));
  });

  it('property: a clean merge contains every token both sides added', () => {
    fc.assert(fc.property(text, text, text, (b, x, y) => {
      const r = mergeText(b, x, y);
      if (r.clean && x === b) expect(r.text).toBe(y);
    }));
  });
});
