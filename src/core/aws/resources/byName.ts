/** Lists kept sorted by name as pages of them arrive, free of the SDK so the Explorer can use it before it loads. */

// The order of String.prototype.localeCompare, without building a collator for each comparison.
const collator = new Intl.Collator();

export function compareByName(a: { readonly name: string }, b: { readonly name: string }): number {
  return collator.compare(a.name, b.name);
}

/** `sorted` with `page` merged in, all sorted by name; an equal name keeps the earlier one first. */
export function mergeByName<T extends { readonly name: string }>(sorted: readonly T[], page: readonly T[]): T[] {
  const added = [...page].sort(compareByName);
  const last = sorted[sorted.length - 1];
  if (last === undefined || added.length === 0 || compareByName(added[0] as T, last) >= 0) {
    // Pages often come in order: each then goes after the ones before, without comparing them all again.
    return sorted.concat(added);
  }
  const merged: T[] = [];
  let next = 0;
  for (const entry of sorted) {
    while (next < added.length && compareByName(added[next] as T, entry) < 0) {
      merged.push(added[next++] as T);
    }
    merged.push(entry);
  }
  return merged.concat(added.slice(next));
}
