/** Test helpers: real files in a temporary folder, read back through the AWS SDK's own loader. */
import { loadSharedConfigFiles } from '@smithy/core/config';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SharedFilePaths } from '../../../src/core/files/paths';
import type { FileTexts } from '../../../src/core/profiles/edits';
import { readSharedFiles, type SharedFiles } from '../../../src/core/profiles/read';

/** `section -> key -> value`, as the SDK loader returns it. */
export type SdkIniData = Readonly<Record<string, Readonly<Record<string, string | undefined>>>>;

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
