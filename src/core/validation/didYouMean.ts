/**
 * A typo is a few edits away from a known word of a few dozen characters, so a longer word gets no
 * suggestion, and each candidate is measured only as far as the edits allowed: a key or value of
 * megabytes costs nothing here instead of a matrix per candidate.
 */
export const longestSuggestedWord = 64;

const reusedWidth = 2 * longestSuggestedWord;
const newRows = (): { readonly twoBack: number[]; readonly previous: number[]; readonly current: number[] } => ({
  twoBack: [],
  previous: [],
  current: [],
});
const reusedRows = newRows();

/**
 * Edit distance with transpositions (optimal string alignment), enough to catch typos. With a
 * `bound`, only cells within `bound` of the diagonal are computed and any distance above it is
 * returned as `bound + 1`; three rows are kept, as a transposition looks two rows back.
 */
export function editDistance(a: string, b: string, bound = Number.POSITIVE_INFINITY): number {
  const beyond = bound + 1;
  if (Math.abs(a.length - b.length) > bound) {
    return beyond;
  }
  const width = b.length + 1;
  // One key is measured against a hundred known ones: short words reuse the same three rows.
  const rows = width <= reusedWidth ? reusedRows : newRows();
  let twoBack = rows.twoBack;
  let previous = rows.previous;
  let current = rows.current;
  for (let column = 0; column < width; column++) {
    twoBack[column] = beyond;
    previous[column] = column <= bound ? column : beyond;
    current[column] = beyond;
  }
  let previousMinimum = 0;
  for (let row = 1; row <= a.length; row++) {
    let minimum = row <= bound ? row : beyond;
    current[0] = minimum;
    const first = Math.max(1, row - bound);
    const last = Math.min(b.length, row + bound);
    // The cells just outside the band are read as "beyond" by this row and the next.
    if (first > 1) {
      current[first - 1] = beyond;
    }
    if (last < b.length) {
      current[last + 1] = beyond;
    }
    const char = a.charCodeAt(row - 1);
    for (let column = first; column <= last; column++) {
      const cost = char === b.charCodeAt(column - 1) ? 0 : 1;
      let best = Math.min((previous[column] ?? beyond) + 1, (current[column - 1] ?? beyond) + 1, (previous[column - 1] ?? beyond) + cost);
      if (row > 1 && column > 1 && char === b.charCodeAt(column - 2) && a.charCodeAt(row - 2) === b.charCodeAt(column - 1)) {
        best = Math.min(best, (twoBack[column - 2] ?? beyond) + 1);
      }
      current[column] = Math.min(best, beyond);
      minimum = Math.min(minimum, best);
    }
    // Every alignment crosses this row or (by a transposition) the one before: both above the bound, so is the distance.
    if (minimum > bound && previousMinimum > bound) {
      return beyond;
    }
    previousMinimum = minimum;
    const reused = twoBack;
    twoBack = previous;
    previous = current;
    current = reused;
  }
  return Math.min(previous[b.length] ?? beyond, beyond);
}

interface Lowered {
  readonly words: readonly string[];
  readonly lower: readonly string[];
}

/** Lists of known words lowercased once each: every unknown key of a file is compared with the same hundred words. */
const loweredLists = new WeakMap<KnownWords, Lowered>();

function lowered(candidates: KnownWords): Lowered {
  let list = loweredLists.get(candidates);
  if (!list) {
    const words = [...candidates];
    list = { words, lower: words.map((word) => word.toLowerCase()) };
    loweredLists.set(candidates, list);
  }
  return list;
}

/** A fixed list of known words: it is lowercased once and kept, so it must not change. */
export type KnownWords = readonly string[] | ReadonlySet<string>;

/**
 * The closest candidate, when it is close enough to be a typo: a case slip, or at most two edits
 * (one for short words). Ties go to the first candidate.
 */
export function closestMatch(word: string, candidates: KnownWords): string | undefined {
  if (word.length > longestSuggestedWord) {
    return undefined;
  }
  const lower = word.toLowerCase();
  const allowed = Math.min(2, Math.floor(word.length / 4));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  const { words, lower: lowerWords } = lowered(candidates);
  for (let position = 0; position < words.length; position++) {
    const candidate = words[position] ?? '';
    const other = lowerWords[position] ?? '';
    if (other === lower) {
      return candidate;
    }
    // Only a candidate closer than the best so far can replace it.
    const distance = editDistance(lower, other, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
