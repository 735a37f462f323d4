/**
 * Values worked out once per object and kept on the object itself, for as long as it lives: what a
 * WeakMap cache does, without what a WeakMap costs here.
 *
 * V8's young-generation collector keeps every entry of a WeakMap that lives in the old generation
 * alive, key and value. A read filed in one (its scan, its section index, its files) therefore
 * outlived the read: it was copied twice and promoted, and stayed until the next full collection.
 * That was a third of the time of reading 10,000 profiles, and a quarter of reading 100.
 */

/**
 * `make(key, ...rest)` once per key; later calls give the same value. `rest` does not take part in
 * the key: pass there only what is the same for every call with that key. A key that cannot take a
 * property (a frozen object) is worked out on every call.
 */
export function memo<K extends object, R extends unknown[], V>(make: (key: K, ...rest: R) => V): (key: K, ...rest: R) => V {
  // Its own symbol per memo, on the key as a property no one enumerates: invisible to Object.keys,
  // JSON, deep equality and debuggers' plain views alike.
  const slot = Symbol('memo');
  return (key, ...rest) => {
    const kept = (key as { [slot]?: V })[slot];
    if (kept !== undefined) {
      return kept;
    }
    const value = make(key, ...rest);
    if (Object.isExtensible(key)) {
      Object.defineProperty(key, slot, { value });
    }
    return value;
  };
}

/** One memo per name (a file's role: a scan means other things in each file): `make(name, key)` once per name and key. */
export function memoPer<N extends string, K extends object, V>(names: readonly N[], make: (name: N, key: K) => V): (name: N, key: K) => V {
  const memos = Object.fromEntries(names.map((name) => [name, memo((key: K) => make(name, key))])) as Record<N, (key: K) => V>;
  return (name, key) => memos[name](key);
}
