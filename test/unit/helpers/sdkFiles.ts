/** Test helpers: real files in a temporary folder, read back through the AWS SDK's own loader. */
import { externalDataInterceptor, loadSharedConfigFiles } from '@smithy/core/config';
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SharedFilePaths } from '../../../src/core/files/paths';
import type { FileRole } from '../../../src/core/files/roles';
import type { FileTexts } from '../../../src/core/profiles/editChecks';
import { sdkSections } from '../../../src/core/ini/sections';
import { sectionPrefixes } from '../../../src/core/ini/syntax';
import { readSharedFiles, type SharedFile, type SharedFiles } from '../../../src/core/profiles/read';

/** `section -> key -> value`, as the SDK loader returns it. */
export type SdkIniData = Readonly<Record<string, Readonly<Record<string, string | undefined>>>>;

/**
 * What the SDK loader returns for a read file, as our reader gives it (see sdkSections); throws
 * unless the section index holds the same values under each name, since profiles are read from it.
 */
export function sdkValuesOf(file: SharedFile): Record<string, Readonly<Record<string, string | undefined>>> {
  const values = Object.fromEntries(sdkSections(file.role, file.scan));
  for (const kind of sectionPrefixes) {
    for (const [name, definition] of file.index[kind]) {
      const key = file.role === 'config' && kind !== 'profile' ? `${kind}.${name}` : name;
      assert.equal(definition.values, Object.hasOwn(values, key) ? values[key] : undefined, `the index's values of ${kind} ${name}`);
    }
  }
  return values;
}

export async function withTempFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-profiles-test-'));
  try {
    return await work(folder);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

export async function writeTexts(folder: string, texts: FileTexts): Promise<SharedFilePaths> {
  const paths = { config: path.join(folder, 'config'), credentials: path.join(folder, 'credentials') };
  for (const role of ['config', 'credentials'] as const) {
    const text = texts[role];
    await fs.rm(paths[role], { force: true });
    if (text !== undefined) {
      await fs.writeFile(paths[role], text);
    }
  }
  return paths;
}

/** What the SDK loader makes of two texts. */
export async function sdkRead(texts: FileTexts): Promise<{ configFile: SdkIniData; credentialsFile: SdkIniData }> {
  return withTempFolder(async (folder) => {
    const paths = await writeTexts(folder, texts);
    return loadSharedConfigFiles({ configFilepath: paths.config, filepath: paths.credentials, ignoreCache: true });
  });
}

/** The profile service's view of two texts, read from real files. */
export async function loadTexts(texts: FileTexts): Promise<SharedFiles> {
  return withTempFolder(async (folder) => readSharedFiles(await writeTexts(folder, texts)));
}

/** Every profile's settings as the SDK merges them (credentials file over config file). */
export async function sdkProfiles(texts: FileTexts): Promise<Record<string, Record<string, string | undefined>>> {
  const { configFile, credentialsFile } = await sdkRead(texts);
  const merged: Record<string, Record<string, string | undefined>> = {};
  for (const [name, values] of Object.entries(configFile)) {
    if (!name.startsWith('sso-session.') && !name.startsWith('services.')) {
      merged[name] = { ...values };
    }
  }
  for (const [name, values] of Object.entries(credentialsFile)) {
    merged[name] = { ...merged[name], ...values };
  }
  return merged;
}

/** A new empty folder for each test of the enclosing `describe`, removed after it. */
export function useTempFolder(): { readonly path: string } {
  const folder = { path: '' };
  beforeEach(async () => {
    folder.path = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-profiles-test-'));
  });
  afterEach(async () => {
    await fs.rm(folder.path, { recursive: true, force: true });
  });
  return folder;
}

/**
 * The built-ins the SDK's parser can write onto: for `[constructor]` or `[toString]` it finds the
 * property every object inherits (the global `Object`, `Object.prototype.toString`, ...) and
 * assigns the section's values to it. Reflect is out of its reach, so the guard below uses only it.
 */
const writableBuiltIns: readonly object[] = Reflect.ownKeys(Object.prototype)
  .map((name) => Reflect.get(Object.prototype, name) as unknown)
  .filter((value): value is object => typeof value === 'function');

/** The own enumerable properties, two levels deep, read through Reflect (the parser may have replaced `Object.entries`). */
function ownValues(data: SdkIniData): SdkIniData {
  const copy = (from: object): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const key of Reflect.ownKeys(from)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(from, key);
      if (typeof key === 'string' && descriptor?.enumerable === true) {
        const value: unknown = descriptor.value;
        Reflect.defineProperty(result, key, {
          value: typeof value === 'string' ? value : copy(value as object),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return result;
  };
  return copy(data) as SdkIniData;
}

/**
 * What the SDK loader made of two texts, read in memory, and the built-ins the read wrote onto:
 * the values are the own enumerable ones (a `[constructor]` section is the built-in `Object`).
 */
export interface SdkMemoryRead {
  readonly configFile: SdkIniData;
  readonly credentialsFile: SdkIniData;
  /** `Object.region`-like names the parser assigned, none of which the built-in had before (harmless, but global). */
  readonly added: readonly string[];
  /** Names the parser assigned over a property the built-in had or inherited (`Object.values`): the SDK broke itself. */
  readonly replaced: readonly string[];
}

let memoryReads = 0;
const missingPath = path.join(os.tmpdir(), 'aws-in-memory-missing', 'file');

/**
 * The SDK loader (`loadSharedConfigFiles`, parser and all) on two texts, without files: its own
 * interceptor hands it the texts. Whatever the parser wrote onto a built-in is undone afterwards
 * and reported, so one hostile file cannot break the rest of a test run.
 */
export async function sdkReadInMemory(texts: FileTexts): Promise<SdkMemoryRead> {
  const id = memoryReads++;
  // A missing file is one path for all reads: the SDK caches every path it reads from disk, for good.
  const pathOf = (role: FileRole): string => (texts[role] === undefined ? missingPath : `/aws-in-memory/${id}/${role}`);
  const paths = { config: pathOf('config'), credentials: pathOf('credentials') };
  const record = externalDataInterceptor.getFileRecord();
  for (const role of ['config', 'credentials'] as const) {
    const text = texts[role];
    if (text !== undefined) {
      externalDataInterceptor.interceptFile(paths[role], text);
    }
  }
  const before = writableBuiltIns.map(
    (builtIn) => new Map(Reflect.ownKeys(builtIn).map((key) => [key, Reflect.getOwnPropertyDescriptor(builtIn, key)])),
  );
  const added: string[] = [];
  const replaced: string[] = [];
  try {
    const { configFile, credentialsFile } = await loadSharedConfigFiles({
      configFilepath: paths.config,
      filepath: paths.credentials,
      ignoreCache: true,
    });
    // Copied before the built-ins are restored: a `[constructor]` section's values live on `Object`.
    return { configFile: ownValues(configFile), credentialsFile: ownValues(credentialsFile), added, replaced };
  } finally {
    writableBuiltIns.forEach((builtIn, position) => {
      const own = before[position] ?? new Map<string | symbol, PropertyDescriptor | undefined>();
      for (const key of Reflect.ownKeys(builtIn)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(builtIn, key);
        const old = own.get(key);
        if (old === undefined) {
          Reflect.deleteProperty(builtIn, key);
          // Asked after the delete: whether the built-in had the name before the read, inherited.
          (Reflect.has(builtIn, key) ? replaced : added).push(String(key));
        } else if (descriptor?.value !== old.value || descriptor?.get !== old.get) {
          Reflect.defineProperty(builtIn, key, old);
          replaced.push(String(key));
        }
      }
    });
    for (const role of ['config', 'credentials'] as const) {
      if (paths[role] !== missingPath) {
        Reflect.deleteProperty(record, paths[role]);
      }
    }
  }
}
