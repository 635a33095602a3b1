// Pseudonymisation of the commission's meeting pack: examples, then properties over generated names,
// birth dates and texts (the pseudonymised pack must never carry a pupil's name or birth date).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialsOf, pseudonymise, type PupilIdentity } from './commission.js';
import { foldText } from './dossier.js';

const SANNE: PupilIdentity = {
  voornaam: 'Sanne', tussenvoegsel: 'de', achternaam: 'Vries', geboortedatum: '2015-03-04',
  otherNames: ['Peter de Vries', 'Aïcha El Amrani-Bakker'],
};
const ps = (text: string, who: PupilIdentity = SANNE) => pseudonymise(text, who, 'S.d.V.', '[geb]', '[naam]');

describe('initialsOf', () => {
  it('takes the first letter of each part, tussenvoegsels in lower case', () => {
    expect(initialsOf({ voornaam: 'Sanne', tussenvoegsel: 'de', achternaam: 'Vries' })).toBe('S.d.V.');
    expect(initialsOf({ voornaam: 'jan-willem', tussenvoegsel: 'van der', achternaam: 'berg' })).toBe('J.v.d.B.');
    expect(initialsOf({ voornaam: 'Özlem', tussenvoegsel: '', achternaam: 'Yılmaz' })).toBe('Ö.Y.');
    expect(initialsOf({ voornaam: ' ', tussenvoegsel: '', achternaam: 'Bos' })).toBe('B.');
  });

  it("skips characters that are not letters (\"'t Hart\" → t.)", () => {
    expect(initialsOf({ voornaam: 'Jan', tussenvoegsel: "'t", achternaam: 'Hart' })).toBe('J.t.H.');
    expect(initialsOf({ voornaam: '"Mo"', tussenvoegsel: '', achternaam: "'s-Jacob" })).toBe('M.S.');
  });
});

describe('pseudonymise', () => {
  it('replaces the full name as one, then its parts, ignoring case and diacritics', () => {
    expect(ps('Sanne de Vries is 11.')).toBe('S.d.V. is 11.');
    expect(ps('SANNE zegt het zelf; de vries-familie is blij.')).toBe('S.d.V. zegt het zelf; S.d.V.-familie is blij.');
    expect(ps('Sännë lacht.')).toBe('S.d.V. lacht.');
  });

  it('replaces parents and other named people, also by a part of a double name', () => {
    expect(ps('Vader Peter de Vries belde.')).toBe('Vader [naam] belde.');
    expect(ps('Moeder Aicha el amrani-bakker en mevrouw Bakker kwamen.')).toBe('Moeder [naam] en mevrouw [naam] kwamen.');
  });

  it('replaces the birth date in every common spelling', () => {
    for (const d of ['2015-03-04', '4-3-2015', '04-03-2015', '4/3/2015', '04.03.2015', '4 maart 2015', '4 mrt 2015', '4 mrt. 2015', '04 maart 2015']) {
      expect(ps(`Geboren ${d}.`), d).toBe('Geboren [geb].');
    }
    expect(ps('Op 14-03-2015 en 4-3-20155 niet.')).toBe('Op 14-03-2015 en 4-3-20155 niet.');
  });

  it('respects word edges and leaves particles and common words alone', () => {
    expect(ps('Sannelijn en Vriesland blijven; de school ook.')).toBe('Sannelijn en Vriesland blijven; de school ook.');
  });

  it('also catches the possessive form ("Sannes moeder", "Vries\' fiets")', () => {
    expect(ps("Sannes moeder en Vries' fiets en Sanne's boek.")).toBe("S.d.V. moeder en S.d.V.' fiets en S.d.V. boek.");
  });

  it('folds the letters a Dutch keyboard types differently (ı, ø, ß)', () => {
    const who: PupilIdentity = { voornaam: 'Aylın', tussenvoegsel: '', achternaam: 'Yılmaz', geboortedatum: '2016-01-02', otherNames: ['Søren Weiß'] };
    expect(pseudonymise('Aylin Yilmaz en Soren Weiss kwamen.', who, 'A.Y.', '[geb]', '[naam]')).toBe('A.Y. en [naam] kwamen.');
  });

  it('keeps the rest of a text with combining marks and emoji intact', () => {
    expect(ps('Zoë 👍 zei: Sanne\u0301 is er.')).toBe('Zoë 👍 zei: S.d.V. is er.');
  });
});

// -------------------------------------------------------------------------------------------------
// Properties

const PARTICLE = new Set(['de', 'den', 'der', 'van', 'het', 'te', 'ten', 'ter', 'in', 'op', 'la', 'le', 'du', 'da', 'di', 'el', 'al']);
const letters = fc.constantFrom(...'abcdefghijklmnoprstuvwyzéëïöüçı'.split(''));
const namePart = fc.array(letters, { minLength: 3, maxLength: 9 }).map((a) => a.join('')).filter((w) => !PARTICLE.has(w))
  .map((w) => w[0]!.toUpperCase() + w.slice(1));
const isoDate = fc.date({ min: new Date('2008-01-01T00:00:00Z'), max: new Date('2022-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const identity = fc.record({
  voornaam: namePart, tussenvoegsel: fc.constantFrom('', 'de', 'van', 'van der', "'t"), achternaam: namePart, geboortedatum: isoDate,
  otherNames: fc.array(fc.tuple(namePart, namePart).map(([a, b]) => `${a} ${b}`), { maxLength: 3 }),
});
const filler = fc.constantFrom('Het', 'kind', 'leest', 'graag', 'in', 'de', 'klas', 'moeder', 'zegt', 'op', 'school', 'gaat', 'het', 'goed', '.', ',', '(', ')', '"');
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Ways a person writes a name or date into a free text. */
function spell(word: string, how: number): string {
  if (how === 1) return word.toUpperCase();
  if (how === 2) return word.toLowerCase();
  if (how === 3) return foldText(word); // typed without diacritics
  if (how === 4) return `${word}s`;
  return word;
}
function dateSpelling(iso: string, how: number): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const list = [iso, `${Number(d)}-${Number(m)}-${y}`, `${d}/${m}/${y}`, `${d}.${m}.${y}`, `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`];
  return list[how % list.length]!;
}

const edge = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');

describe('pseudonymise (properties)', () => {
  it('leaves no name part (any case, with or without diacritics) and no birth date behind', () => {
    fc.assert(fc.property(identity, fc.array(fc.oneof(filler, fc.nat(30).map((n) => -n - 1)), { maxLength: 40 }), (who, parts) => {
      const names = [who.voornaam, who.achternaam, ...who.otherNames.flatMap((n) => n.split(' '))];
      const text = parts.map((p, i) => {
        if (typeof p === 'string') return p;
        const k = -p - 1;
        if (k % 6 === 5) return dateSpelling(who.geboortedatum, k);
        return spell(names[k % names.length]!, (k + i) % 5);
      }).join(' ');
      const out = pseudonymise(text, who, '#P#', '#D#', '#N#');
      const flatOut = foldText(out);
      for (const n of names) expect(flatOut).not.toMatch(edge(foldText(n)));
      for (let h = 0; h < 5; h++) expect(out).not.toMatch(edge(dateSpelling(who.geboortedatum, h)));
    }), { numRuns: 100 });
  });

  it('changes nothing in a text without the names or the date', () => {
    fc.assert(fc.property(identity, fc.array(filler, { maxLength: 40 }), (who, words) => {
      const text = words.join(' ');
      fc.pre(![who.voornaam, who.achternaam, ...who.otherNames.flatMap((n) => n.split(' '))].some((n) => edge(foldText(n)).test(foldText(text))));
      expect(pseudonymise(text, who, '#P#', '#D#', '#N#')).toBe(text);
    }), { numRuns: 60 });
  });

  it('is idempotent: a pseudonymised text stays the same when pseudonymised again', () => {
    fc.assert(fc.property(identity, fc.array(fc.oneof(filler, namePart), { maxLength: 30 }), (who, words) => {
      const text = [...words, who.voornaam, who.achternaam].join(' ');
      const once = pseudonymise(text, who, initialsOf(who), '[geb]', '[naam]');
      expect(pseudonymise(once, who, initialsOf(who), '[geb]', '[naam]')).toBe(once);
    }), { numRuns: 60 });
  });

  it('initials are upper-case letters with lower-case tussenvoegsel letters, each with a dot', () => {
    fc.assert(fc.property(identity, (who) => {
      expect(initialsOf(who)).toMatch(/^\p{Lu}\.(\p{Ll}\.)*\p{Lu}\.$/u);
    }));
  });
});
