// Three-way merge of narrative text (notes, MDO texts) on word/whitespace tokens, like diff3: edits
// to different parts of the text are both kept; overlapping different edits are a conflict, and the
// caller keeps the store's text and records a conflict. Pure, no dependencies.

export type MergeResult = { clean: true; text: string } | { clean: false };

/** Beyond this many edit steps the diff is too costly: treated as a conflict (the safe outcome). */
const MAX_EDITS = 4000;

export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/**
 * For every token of `a`, the index of the token of `b` it is matched with in a shortest edit
 * script (Myers), or -1. Null when the texts differ in more than MAX_EDITS steps.
 */
export function matchTokens(a: readonly string[], b: readonly string[]): Int32Array | null {
  const match = new Int32Array(a.length).fill(-1);
  // Common prefix and suffix first: most edits are local, so the Myers search stays small.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) match[pre] = pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) {
    match[a.length - 1 - suf] = b.length - 1 - suf;
    suf++;
  }
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n === 0 || m === 0) return match;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    if (d > MAX_EDITS) return null;
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[pre + x] === b[pre + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  // Walk back through the saved frontiers to find the diagonal (matching) runs.
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!; // frontier before step d, centred: index of k is k + d + 1
    const at = (k: number) => prev[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const pk = down ? k + 1 : k - 1;
    const px = at(pk);
    const py = px - pk;
    const sx = down ? px : px + 1;
    while (x > sx && y > sx - k) {
      x--;
      y--;
      match[pre + x] = pre + y;
    }
    x = px;
    y = py;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    match[pre + x] = pre + y;
  }
  return match;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/** A loop, not push(...slice): long texts would overflow the call stack. */
function append(out: string[], from: readonly string[]): void {
  for (const t of from) out.push(t);
}

/** diff3 of `mine` and `theirs` against their common `base`. */
export function mergeText(base: string, mine: string, theirs: string): MergeResult {
  if (mine === theirs || theirs === base) return { clean: true, text: mine };
  if (mine === base) return { clean: true, text: theirs };
  const o = tokenize(base);
  const a = tokenize(mine);
  const b = tokenize(theirs);
  const ma = matchTokens(o, a);
  const mb = matchTokens(o, b);
  if (!ma || !mb) return { clean: false };
  const out: string[] = [];
  let io = 0;
  let ia = 0;
  let ib = 0;
  const resolve = (oEnd: number, aEnd: number, bEnd: number): boolean => {
    const co = o.slice(io, oEnd);
    const ca = a.slice(ia, aEnd);
    const cb = b.slice(ib, bEnd);
    if (same(ca, co)) append(out, cb);
    else if (same(cb, co) || same(ca, cb)) append(out, ca);
    else return false;
    io = oEnd;
    ia = aEnd;
    ib = bEnd;
    return true;
  };
  while (io < o.length || ia < a.length || ib < b.length) {
    // A stable run: the same base tokens kept, in place, on both sides.
    let k = 0;
    while (io + k < o.length && ma[io + k] === ia + k && mb[io + k] === ib + k) k++;
    if (k > 0) {
      append(out, o.slice(io, io + k));
      io += k;
      ia += k;
      ib += k;
      continue;
    }
    let next = io;
    while (next < o.length && (ma[next]! < 0 || mb[next]! < 0)) next++;
    const ok = next < o.length ? resolve(next, ma[next]!, mb[next]!) : resolve(o.length, a.length, b.length);
    if (!ok) return { clean: false };
  }
  return { clean: true, text: out.join('') };
}
