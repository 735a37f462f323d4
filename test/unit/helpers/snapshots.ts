/** Snapshots of texts written to real files, for the validation tests. */
import * as assert from 'node:assert/strict';
import type { FileTexts } from '../../../src/core/profiles/editChecks';
import { snapshotOf, type ProfileReport, type ProfileSnapshot } from '../../../src/core/validation/snapshot';
import { loadTexts } from './sdkFiles';

export async function snapshotOfTexts(texts: Partial<FileTexts>): Promise<ProfileSnapshot> {
  return snapshotOf(await loadTexts({ config: texts.config, credentials: texts.credentials }));
}

/** The report of one profile, which must be there. */
export async function reportOf(name: string, texts: Partial<FileTexts>): Promise<ProfileReport> {
  const found = (await snapshotOfTexts(texts)).reports.find((candidate) => candidate.profile.name === name);
  assert.ok(found, `no report for ${name}`);
  return found;
}
