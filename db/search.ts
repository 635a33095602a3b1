// Turns what a user types into an FTS5 query: every word must match as a prefix ("ozt eef" finds
// "Eefje Öztürk"). Quotes are dropped so no input can break out of the phrase syntax.
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[\s"'’`*^:(){}[\],;.!?/\\+-]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
