/**
 * What the fuzzer holds the reader and the writer to, worked out with the AWS SDK's own loader
 * rather than with the code under test: which lines the SDK takes for headers (and files under
 * which key), which lines belong to the sections of a profile, whether an edit changed bytes
 * outside them, and what the SDK must read after an edit.
 */
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { FileRole } from '../../src/core/files/roles';
import type { ProfileEdit } from '../../src/core/profiles/edits';
import type { FileTexts } from '../../src/core/profiles/editChecks';
import { defaultScopes } from '../../src/core/profiles/ssoProfiles';
import { sdkReadInMemory, type SdkIniData } from '../unit/helpers/sdkFiles';

export type View = Readonly<Record<string, Readonly<Record<string, string | undefined>>>>;
export type Views = Readonly<Record<FileRole, View>>;

export const roles: readonly FileRole[] = ['config', 'credentials'];

/** A file's lines as the SDK splits them, each with its line break, so they join back to the text. */
export function linesOf(text: string): string[] {
  const lines: string[] = [];
  const breaks = /\r?\n/g;
  let start = 0;
  for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
    lines.push(text.slice(start, found.index + found[0].length));
    start = found.index + found[0].length;
  }
  if (start < text.length) {
    lines.push(text.slice(start));
  }
  return lines;
}

export interface SdkViews {
  readonly views: Views;
  /** Built-in properties the SDK's parser wrote over: its reads are no longer trustworthy. */
  readonly replaced: readonly string[];
  /** The files whose read wrote over them. */
  readonly breaking: readonly FileRole[];
}

/**
 * What the SDK loader reads from each file. Each is read on its own: both files write their
 * `[constructor]`-like sections onto the same built-in, so read together one file's values
 * show up in the other's, in whichever order the two reads happened to finish.
 */
export async function sdkViews(texts: FileTexts): Promise<SdkViews> {
  const config = await sdkReadInMemory({ config: texts.config, credentials: undefined });
  const credentials = await sdkReadInMemory({ config: undefined, credentials: texts.credentials });
  return {
    views: { config: config.configFile, credentials: credentials.credentialsFile },
    replaced: [...config.replaced, ...credentials.replaced],
    breaking: roles.filter((role) => (role === 'config' ? config : credentials).replaced.length > 0),
  };
}

/**
 * For each line, the key the SDK's parser files the section it opens under: a string for a
 * header, null for a header it drops (or refuses), undefined for any other line. Each line is put
 * between a probe header and a probe key, and where the probe key lands says what the line is.
 */
export async function sdkHeaders(text: string): Promise<(string | null | undefined)[]> {
  const lines = linesOf(text).map((line) => line.replace(/\r?\n$/, ''));
  const probe = (from: number, count: number): string =>
    lines
      .slice(from, from + count)
      .map((line, offset) => `[probe${from + offset}]\n${line}\nprobekey${from + offset} = v\n`)
      .join('');
  // Where each probe key landed: its own probe section (not a header), another section, or nowhere.
  const landings = (parsed: SdkIniData): Map<number, string> => {
    const landed = new Map<number, string>();
    for (const [section, values] of Object.entries(parsed)) {
      for (const key of Object.keys(values)) {
        const probed = /^probekey(\d+)$/.exec(key);
        if (probed) {
          landed.set(Number(probed[1]), section);
        }
      }
    }
    return landed;
  };
  const classify = (landed: ReadonlyMap<number, string>, index: number): string | null | undefined => {
    const section = landed.get(index);
    return section === `probe${index}` ? undefined : (section ?? null);
  };
  const whole = (await sdkReadInMemory({ config: undefined, credentials: probe(0, lines.length) })).credentialsFile;
  if (lines.length === 0 || Object.keys(whole).length > 0) {
    const landed = landings(whole);
    return lines.map((_, index) => classify(landed, index));
  }
  // The parser refused the whole probe (a `[__proto__]` line): one line at a time.
  const result: (string | null | undefined)[] = [];
  for (let index = 0; index < lines.length; index++) {
    result.push(classify(landings((await sdkReadInMemory({ config: undefined, credentials: probe(index, 1) })).credentialsFile), index));
  }
  return result;
}

/** The parser's key of a profile's sections in each file (`[default]` and `[profile default]` are both default's). */
function isProfileKey(role: FileRole, key: string, name: string): boolean {
  return role === 'credentials' ? key === name : key === `profile.${name}` || (name === 'default' && key === 'default');
}

function isCommentOrBlank(line: string): 'comment' | 'blank' | undefined {
  const trimmed = line.trim();
  return trimmed === '' ? 'blank' : trimmed.startsWith('#') || trimmed.startsWith(';') ? 'comment' : undefined;
}

/**
 * The lines that belong to the sections of `names`: each header with its lines up to the next
 * header, the comment lines directly above it, and, for a section that ends the file, the blank
 * lines before those (the writer removes them together).
 */
export function sectionLines(
  role: FileRole,
  text: string,
  headers: readonly (string | null | undefined)[],
  names: readonly string[],
): Set<number> {
  const lines = linesOf(text);
  const owned = new Set<number>();
  const commentStart = (index: number): number => {
    let first = index;
    while (first > 0 && isCommentOrBlank(lines[first - 1] ?? '') === 'comment') {
      first--;
    }
    return first;
  };
  headers.forEach((key, index) => {
    if (typeof key !== 'string' || !names.some((name) => isProfileKey(role, key, name))) {
      return;
    }
    let next = index + 1;
    while (next < lines.length && headers[next] === undefined) {
      next++;
    }
    let first = commentStart(index);
    const end = next < lines.length ? Math.max(commentStart(next), index + 1) : next;
    if (next === lines.length) {
      while (first > 0 && isCommentOrBlank(lines[first - 1] ?? '') === 'blank') {
        first--;
      }
    }
    for (let owner = first; owner < end; owner++) {
      owned.add(owner);
    }
  });
  return owned;
}

/**
 * Whether `after` is `before` with only the owned lines changed (each run of them replaced by
 * anything, removed, or kept) and, when `appends` allows, text added at the end. The line break
 * that ends the last kept line may go when the lines after it are removed (a file without a final
 * newline keeps none).
 */
export function changesOnly(before: string, after: string, owned: ReadonlySet<number>, appends: boolean): boolean {
  // Runs of kept lines, each after a run of owned lines or not.
  const blocks: { text: string; gapBefore: boolean }[] = [];
  let gap = false;
  linesOf(before).forEach((line, index) => {
    const last = blocks.at(-1);
    if (owned.has(index)) {
      gap = true;
    } else if (last && !gap) {
      last.text += line;
    } else {
      blocks.push({ text: line, gapBefore: gap });
      gap = false;
    }
  });
  const tailGap = gap || appends;
  let at = 0;
  for (const [position, { text, gapBefore }] of blocks.entries()) {
    const last = position === blocks.length - 1;
    const variants = last && gap ? [text, text.replace(/\r?\n$/, '')] : [text];
    const found = variants
      .map((variant) => {
        // The first place it fits is the best place for every block but a last one that must end the text.
        const where = last && !tailGap ? after.length - variant.length : gapBefore ? after.indexOf(variant, at) : at;
        const fits = where >= at && (gapBefore || where === at) && after.startsWith(variant, where);
        return fits ? where + variant.length : -1;
      })
      .find((end) => end !== -1);
    if (found === undefined) {
      return false;
    }
    at = found;
  }
  return at === after.length || tailGap;
}

type Settings = Readonly<Record<string, string | undefined>>;

function repointed(settings: Settings | undefined, from: string, to: string): Settings | undefined {
  return (
    settings &&
    Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, key === 'source_profile' && value === from ? to : value]))
  );
}

/**
 * Whether a key of the SDK's view of a file names a profile (whose source_profile a rename
 * repoints): every key of the credentials file; in the config file, all but `sso-session.x` and
 * `services.x`, which a profile named `sso-session.x` shares with the section (the view shows
 * whichever holds a value later), so there either is right.
 */
function isProfileEntry(role: FileRole, key: string): boolean | 'either' {
  return role === 'credentials' || !(key.startsWith('sso-session.') || key.startsWith('services.')) || 'either';
}

function merged(views: Views, name: string): Settings | undefined {
  const [config, credentials] = [views.config[name], views.credentials[name]];
  return config || credentials ? { ...config, ...credentials } : undefined;
}

function omit(settings: Settings | undefined, keys: readonly string[]): Settings {
  return Object.fromEntries(Object.entries(settings ?? {}).filter(([key]) => !keys.includes(key)));
}

/** The profiles whose values an edit is asked to change. */
export function editedNames(edit: ProfileEdit): string[] {
  switch (edit.kind) {
    case 'rename':
      return [edit.from, edit.to];
    case 'addSso':
      return edit.profiles.map((profile) => profile.name);
    default:
      return [edit.name];
  }
}

/** The config file's key of the sso-session an addSso edit writes, when the file has no such session yet. */
function newSessionKey(edit: ProfileEdit, before: Views): string | undefined {
  const key = edit.kind === 'addSso' ? `sso-session.${edit.session.name}` : undefined;
  return key !== undefined && before.config[key] === undefined ? key : undefined;
}

/**
 * Checks that the SDK reads after an edit what it was asked for, and nothing else changed.
 * `defaultAfterRemoval`: what the config file's default profile is once the sections the SDK reads
 * for it are gone (a `[default]` that `[profile default]` hid), for a delete or rename of default.
 */
export function checkValues(edit: ProfileEdit, before: Views, after: Views, defaultAfterRemoval: Settings | undefined): void {
  const names = editedNames(edit);
  const sessionKey = newSessionKey(edit, before);
  for (const role of roles) {
    const keys = new Set([...Object.keys(before[role]), ...Object.keys(after[role])]);
    for (const key of keys) {
      if (names.includes(key) || (role === 'config' && key === sessionKey)) {
        continue;
      }
      const kept = before[role][key];
      const moved = edit.kind === 'rename' ? repointed(kept, edit.from, edit.to) : kept;
      const entry = isProfileEntry(role, key);
      const allowed = entry === 'either' ? [kept, moved] : [entry ? moved : kept];
      const read = after[role][key];
      assert.ok(
        allowed.some((value) => isDeepStrictEqual(read, value)),
        `the ${role} file's [${key}] changed: ${JSON.stringify(read)} instead of ${JSON.stringify(allowed[0])}`,
      );
    }
  }
  switch (edit.kind) {
    case 'add':
      assert.equal(merged(before, edit.name), undefined, `added over an existing ${edit.name}`);
      assert.deepEqual(merged(after, edit.name), edit.settings, `the added ${edit.name}`);
      return;
    case 'change': {
      const changed = Object.keys(edit.changes);
      for (const role of roles) {
        assert.deepEqual(
          omit(after[role][edit.name], changed),
          omit(before[role][edit.name], changed),
          `other keys of ${edit.name} in ${role}`,
        );
        // Whichever file the SDK prefers for a key (it depends on the key), it reads the new value.
        for (const [key, value] of Object.entries(edit.changes)) {
          const read = after[role][edit.name]?.[key];
          assert.ok(read === undefined || read === value, `${key} of ${edit.name} in ${role}`);
        }
      }
      for (const [key, value] of Object.entries(edit.changes)) {
        assert.equal(merged(after, edit.name)?.[key], value ?? undefined, `${key} of ${edit.name}`);
      }
      return;
    }
    case 'delete':
      assert.equal(after.credentials[edit.name], undefined, `${edit.name} left in credentials`);
      assert.deepEqual(after.config[edit.name], edit.name === 'default' ? defaultAfterRemoval : undefined, `${edit.name} in config`);
      return;
    case 'rename':
      for (const role of roles) {
        assert.deepEqual(after[role][edit.to], repointed(before[role][edit.from], edit.from, edit.to), `${edit.to} in ${role}`);
      }
      assert.equal(after.credentials[edit.from], undefined, `${edit.from} left in credentials`);
      assert.deepEqual(
        after.config[edit.from],
        edit.from === 'default' ? repointed(defaultAfterRemoval, edit.from, edit.to) : undefined,
        `${edit.from} in config`,
      );
      return;
    case 'addSso': {
      const { name, startUrl, region, scopes } = edit.session;
      if (sessionKey !== undefined) {
        const sso_registration_scopes = (scopes ?? defaultScopes).join(',');
        assert.deepEqual(
          after.config[sessionKey],
          { sso_start_url: startUrl, sso_region: region, sso_registration_scopes },
          `[sso-session ${name}]`,
        );
      }
      for (const profile of edit.profiles) {
        assert.equal(merged(before, profile.name), undefined, `added over an existing ${profile.name}`);
        assert.deepEqual(
          merged(after, profile.name),
          {
            sso_session: name,
            sso_account_id: profile.accountId,
            sso_role_name: profile.roleName,
            ...(profile.region === undefined ? {} : { region: profile.region }),
          },
          `the added ${profile.name}`,
        );
      }
    }
  }
}

/** The config file's default profile once the sections the SDK reads for it are removed. */
export async function defaultAfterRemoval(config: string | undefined): Promise<Settings | undefined> {
  if (config === undefined) {
    return undefined;
  }
  const headers = await sdkHeaders(config);
  const without = async (key: string): Promise<Settings | undefined> => {
    const lines = linesOf(config);
    let dropping = false;
    const kept = lines.filter((_, index) => {
      const header = headers[index];
      if (header !== undefined) {
        dropping = header === key;
      }
      return !dropping;
    });
    return (await sdkViews({ config: kept.join(''), credentials: undefined })).views.config['default'];
  };
  const [bare, prefixed] = [await without('profile.default'), await without('default')];
  return prefixed === undefined ? undefined : bare;
}
