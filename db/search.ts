// Turns what a user types into an FTS5 query: every word must match as a prefix ("ozt eef" finds
// "Eefje Öztürk"). Words are split on everything that is not a letter or digit, as the unicode61
// tokenizer does, so each term is one token (the index has detail=none: no phrases) and no input can
// break out of the query syntax. Special letters (ı, ł, ø…) are folded as in the index (db/open.ts).
import { foldSpecialLetters } from '../shared/domain/dossier.js';

export function ftsQuery(input: string): string | null {
  const words = foldSpecialLetters(input)
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
