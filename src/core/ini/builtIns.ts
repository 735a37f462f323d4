/**
 * JavaScript's built-in names in the SDK's parser: a section named like a property every object
 * inherits is filed onto that built-in, with what that does to each key. Written once, for the
 * scan, the SDK's values, the writer and the validator.
 */
import * as l10n from '@vscode/l10n';
import type { IniSection } from './scan';
import { storesValue } from './syntax';

/**
 * The names every JavaScript object inherits (`constructor`, `toString`, `valueOf`, `__proto__`,
 * ...). The SDK's parser keeps sections in a plain object and starts one with
 * `map[name] = map[name] || {}`, so for `[constructor]` it finds the inherited built-in (the global
 * `Object`; `Object.prototype.toString` for `[toString]`), files the built-in itself as the section
 * and assigns the section's values to it. The loader returns it as a profile of the credentials
 * file, but its settings live on a built-in shared by the whole process: they add up over reads of
 * any file and stay after the file changes. Taken when this module loads, before anything could
 * write onto them.
 */
const inheritedNames: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isInheritedName(name: string): boolean {
  return inheritedNames.has(name);
}

/**
 * What the parser's `section[key] = value` does to the built-in of a `[constructor]`-like section,
 * for the keys it has (anything else is added to it): a read-only property ignores the value,
 * `caller` and `arguments` throw (the parser then refuses the file), any other replaces a part of
 * JavaScript the SDK itself runs on.
 */
type BuiltInWrite = 'ignored' | 'throws' | 'replaces';

function builtInWritesOf(target: unknown): ReadonlyMap<string, BuiltInWrite> {
  const writes = new Map<string, BuiltInWrite>();
  for (let holder = target; holder !== null && holder !== undefined; holder = Object.getPrototypeOf(holder) as unknown) {
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(holder))) {
      if (writes.has(key)) {
        continue;
      }
      if ('value' in descriptor) {
        writes.set(key, descriptor.writable === true ? 'replaces' : 'ignored');
      } else {
        // The only setters on the way are __proto__'s, which ignores a string, and those of
        // caller and arguments, which throw.
        writes.set(key, descriptor.set === undefined || key === '__proto__' ? 'ignored' : 'throws');
      }
    }
  }
  return writes;
}

/** Taken when this module loads, like inheritedNames. */
const builtInWrites: ReadonlyMap<string, ReadonlyMap<string, BuiltInWrite>> = new Map(
  [...inheritedNames].map((name) => [name, builtInWritesOf((Object.prototype as Record<string, unknown>)[name])]),
);

/**
 * Whether the SDK keeps `key` as a value of the section it files under `sectionKey`: always, but on
 * a built-in (see isInheritedName) only a key the built-in does not have already; a read-only one
 * ignores the value, and any other makes the parser fail or break (see builtInSectionRejection).
 */
export function sdkKeepsKey(sectionKey: string, key: string): boolean {
  return builtInWrites.get(sectionKey)?.get(key) === undefined;
}

/**
 * Why the SDK's parser refuses or breaks on a section it writes onto a built-in (see
 * isInheritedName): a key it cannot assign there, or one that replaces a part of JavaScript.
 */
export function builtInSectionRejection(section: IniSection): string | undefined {
  const name = section.sdkKey;
  // A prefixed section's key holds a dot, which no built-in name does.
  if (name === undefined || section.prefix !== undefined || !isInheritedName(name)) {
    return undefined;
  }
  const builtIn = name === 'constructor' ? 'Object' : `Object.prototype.${name}`;
  for (const entry of section.entries) {
    const write = storesValue(entry) ? builtInWrites.get(name)?.get(entry.key) : undefined;
    if (write === 'throws') {
      return l10n.t(
        "[{0}] sets {1} (line {2}), which its parser tries to write onto JavaScript's built-in {3}, and fails",
        section.rawName,
        entry.key,
        entry.index + 1,
        builtIn,
      );
    }
    if (write === 'replaces') {
      return l10n.t(
        '[{0}] sets {1} (line {2}), which its parser writes over {3}.{1}, a part of JavaScript the SDK itself relies on',
        section.rawName,
        entry.key,
        entry.index + 1,
        builtIn,
      );
    }
  }
  return undefined;
}
