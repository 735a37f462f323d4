/** Edit distance with transpositions (optimal string alignment), enough to catch typos. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[] = new Array<number>(rows * columns).fill(0);
  const at = (row: number, column: number): number => distance[row * columns + column] ?? 0;
  for (let row = 0; row < rows; row += 1) {
    distance[row * columns] = row;
  }
  for (let column = 0; column < columns; column += 1) {
    distance[column] = column;
  }
  for (let row = 1; row < rows; row += 1) {
    for (let column = 1; column < columns; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(at(row - 1, column) + 1, at(row, column - 1) + 1, at(row - 1, column - 1) + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, at(row - 2, column - 2) + 1);
      }
      distance[row * columns + column] = best;
    }
  }
  return at(rows - 1, columns - 1);
}

/**
 * The closest candidate, when it is close enough to be a typo: a case slip, or at most two edits
 * (one for short words). Ties go to the first candidate.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) {
      return candidate;
    }
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.min(2, Math.floor(word.length / 4));
  return bestDistance <= allowed ? best : undefined;
}
