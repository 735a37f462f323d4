/**
 * The fuzzer: hostile files (fuzzFiles) through the reader, the validator and the writer. The
 * reader must read what the SDK loader reads (or both nothing), the validator must not throw, and
 * each edit must be refused with a known error or change only its sections' bytes and only the
 * SDK values it was asked to change (fuzzOracle). A failure prints its seed, its case and a
 * minimal repro; `RELIABILITY_SEED=N RELIABILITY_FUZZ_CASE=I` replays one case.
 */
import * as assert from 'node:assert/strict';
import { IniEditError } from '../../src/core/ini/edit';
import { applyEdit, type ProfileEdit } from '../../src/core/profiles/edits';
import { ProfileEditError, type FileTexts } from '../../src/core/profiles/editChecks';
import { buildProfile, profileNames } from '../../src/core/profiles/model';
import { sharedFile, type SharedFiles } from '../../src/core/profiles/read';
import { sdkValuesOf } from '../unit/helpers/sdkFiles';
import { newFileHeaders } from '../../src/core/profiles/transaction';
import { snapshotOf } from '../../src/core/validation/snapshot';
import { fuzzEdit, fuzzTexts, pick, type Random } from './fuzzFiles';
import {
  changesOnly,
  checkValues,
  defaultAfterRemoval,
  editedNames,
  linesOf,
  roles,
  sdkHeaders,
  sdkViews,
  sectionLines,
  type SdkViews,
  type Views,
} from './fuzzOracle';
import { random, report, runs, seed } from './scale';

type FailureKind = 'reader mismatch' | 'non-local edit' | 'crash';

class Failure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

interface Figures {
  cases: number;
  files: number;
  'edits applied': number;
  'edits refused': number;
  'reader mismatches': number;
  'non-local edits': number;
  crashes: number;
  'SDK self-breaking files': number;
}

function filesOf(texts: FileTexts): SharedFiles {
  return {
    config: sharedFile('config', 'config', { text: texts.config, readError: undefined }),
    credentials: sharedFile('credentials', 'credentials', { text: texts.credentials, readError: undefined }),
  };
}

/**
 * The reader against the SDK loader on the same texts: the same values, or, where the SDK's parser
 * wrote over a built-in it runs on (its result then depends on what it read before), a refusal.
 * Says whether the SDK broke itself.
 */
function checkReader(files: SharedFiles, sdk: SdkViews): boolean {
  if (sdk.replaced.length > 0) {
    if (files.config.scan.sdkRejection === undefined && files.credentials.scan.sdkRejection === undefined) {
      throw new Failure(
        'reader mismatch',
        `the SDK wrote over built-ins (${sdk.replaced.join(', ')}) and the reader did not refuse the file`,
      );
    }
    return true;
  }
  for (const role of roles) {
    try {
      assert.deepEqual(sdkValuesOf(files[role]), sdk.views[role]);
    } catch (error) {
      throw new Failure('reader mismatch', `the ${role} file: ${(error as Error).message}`);
    }
  }
  return false;
}

/** Everything a snapshot offers, touched once: no input may make it throw. */
function checkValidator(files: SharedFiles): void {
  const snapshot = snapshotOf(files);
  for (const { profile, problems } of snapshot.reports) {
    void [profile.settings.size, profile.fingerprint, profile.definitions.length, problems.map((problem) => problem.message)];
  }
  void snapshot.fileProblems.map((problem) => problem.message);
}

function isRefusal(error: unknown): boolean {
  return error instanceof ProfileEditError || error instanceof IniEditError;
}

async function checkLocality(edit: ProfileEdit, before: FileTexts, after: FileTexts): Promise<void> {
  for (const role of roles) {
    const [from, to] = [before[role] ?? '', after[role] ?? ''];
    if (from === to) {
      continue;
    }
    if (Buffer.from(to, 'utf8').toString('utf8') !== to) {
      throw new Failure('non-local edit', `the ${role} file would be written with a character UTF-8 cannot hold`);
    }
    const owned = sectionLines(role, from, await sdkHeaders(from), editedNames(edit));
    if (edit.kind === 'rename') {
      linesOf(from).forEach((line, index) => /^\s*source_profile\s*=/.test(line) && owned.add(index));
    }
    if (!changesOnly(from, to, owned, edit.kind === 'add' || edit.kind === 'change' || edit.kind === 'addSso')) {
      throw new Failure('non-local edit', `the ${role} file changed outside the sections of ${editedNames(edit).join(' and ')}`);
    }
  }
}

async function checkEdit(edit: ProfileEdit, before: FileTexts, after: FileTexts): Promise<void> {
  await checkLocality(edit, before, after);
  const [sdkBefore, sdkAfter] = [await sdkViews(before), await sdkViews(after)];
  // What the SDK reads from a file it breaks on is not to be trusted: such a file must be left
  // alone, and the values are compared in the other file only.
  const breaking = new Set([...sdkBefore.breaking, ...sdkAfter.breaking]);
  for (const role of breaking) {
    if (before[role] !== after[role]) {
      throw new Failure('non-local edit', `the edit changed the ${role} file, which the SDK breaks on`);
    }
  }
  const trusted = (views: Views): Views => ({
    config: breaking.has('config') ? {} : views.config,
    credentials: breaking.has('credentials') ? {} : views.credentials,
  });
  const removesDefault = (edit.kind === 'delete' && edit.name === 'default') || (edit.kind === 'rename' && edit.from === 'default');
  const revealed = removesDefault ? await defaultAfterRemoval(before.config) : undefined;
  if (revealed !== undefined && buildProfile(filesOf(before), 'default').hiddenDefinitions.length === 0) {
    throw new Failure('non-local edit', 'the edit brings a hidden [default] to life without saying so');
  }
  try {
    checkValues(edit, trusted(sdkBefore.views), trusted(sdkAfter.views), breaking.has('config') ? undefined : revealed);
  } catch (error) {
    throw new Failure('non-local edit', `the SDK reads other values: ${(error as Error).message}`);
  }
}

/** The texts an edit starts from: a missing file is created with its header, as the transaction does. */
function editBase(texts: FileTexts): FileTexts {
  return { config: texts.config ?? newFileHeaders.config, credentials: texts.credentials ?? newFileHeaders.credentials };
}

interface Repro {
  readonly kind: FailureKind;
  readonly message: string;
  readonly texts: FileTexts;
  readonly edit: ProfileEdit | undefined;
}

/** Reads, checks and edits one case; the first failure is returned with what replays it. */
async function runCase(generator: Random, figures: Figures): Promise<Repro | undefined> {
  let texts = fuzzTexts(generator);
  figures.files += roles.filter((role) => texts[role] !== undefined).length;
  const readAndCheck = async (current: FileTexts): Promise<boolean> => {
    const files = filesOf(current);
    const selfBreaking = checkReader(files, await sdkViews(current));
    checkValidator(files);
    return selfBreaking;
  };
  try {
    if (await readAndCheck(texts)) {
      figures['SDK self-breaking files']++;
    }
  } catch (error) {
    return failureOf(error, texts, undefined);
  }
  const editCount = pick(generator, [0, 1, 2, 2, 3, 4]);
  for (let step = 0; step < editCount; step++) {
    const before = editBase(texts);
    const edit = fuzzEdit(generator, profileNames(filesOf(before)));
    let after: FileTexts;
    try {
      after = applyEdit(before, edit);
    } catch (error) {
      if (isRefusal(error)) {
        figures['edits refused']++;
        continue;
      }
      return failureOf(error, before, edit);
    }
    figures['edits applied']++;
    try {
      await checkEdit(edit, before, after);
      await readAndCheck(after);
    } catch (error) {
      return failureOf(error, before, edit);
    }
    texts = after;
  }
  return undefined;
}

function failureOf(error: unknown, texts: FileTexts, edit: ProfileEdit | undefined): Repro {
  return error instanceof Failure
    ? { kind: error.kind, message: error.message, texts, edit }
    : { kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error), texts, edit };
}

/** Whether the same kind of failure happens on these texts with this edit. */
async function stillFails(kind: FailureKind, texts: FileTexts, edit: ProfileEdit | undefined): Promise<boolean> {
  const files = filesOf(texts);
  try {
    if (edit === undefined) {
      checkReader(files, await sdkViews(texts));
      checkValidator(files);
      return false;
    }
    let after: FileTexts;
    try {
      after = applyEdit(texts, edit);
    } catch (error) {
      return kind === 'crash' && !isRefusal(error);
    }
    await checkEdit(edit, texts, after);
    return false;
  } catch (error) {
    return failureOf(error, texts, edit).kind === kind;
  }
}

/** Drops lines, then halves long ones, as long as the failure stays: what is left is the repro. */
async function shrink(repro: Repro): Promise<FileTexts> {
  let texts = repro.texts;
  for (let progress = true; progress;) {
    progress = false;
    for (const role of roles) {
      const text = texts[role];
      if (text === undefined) {
        continue;
      }
      const lines = linesOf(text);
      for (let index = lines.length - 1; index >= 0; index--) {
        const line = lines[index] ?? '';
        const candidates = [[...lines.slice(0, index), ...lines.slice(index + 1)]];
        if (line.length > 40) {
          candidates.push([
            ...lines.slice(0, index),
            line.slice(0, line.length >> 1) + line.slice(line.length - (line.length >> 2)),
            ...lines.slice(index + 1),
          ]);
        }
        for (const candidate of candidates) {
          const smaller: FileTexts = { ...texts, [role]: candidate.join('') };
          if (await stillFails(repro.kind, smaller, repro.edit)) {
            texts = smaller;
            lines.splice(0, lines.length, ...candidate);
            progress = true;
            break;
          }
        }
      }
    }
  }
  return texts;
}

const onlyCase = process.env.RELIABILITY_FUZZ_CASE === undefined ? undefined : Number(process.env.RELIABILITY_FUZZ_CASE);

/** Each case draws from its own generator, so one case replays without the ones before it. */
function caseGenerator(index: number): Random {
  return random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}

describe('fuzz: hostile files through the reader, the validator and the writer', () => {
  const cases = runs(4_000, 60_000);

  it(`reads ${cases} pairs of files as the SDK loader does, checks them, and keeps every edit local`, async () => {
    const figures: Figures = {
      cases: 0,
      files: 0,
      'edits applied': 0,
      'edits refused': 0,
      'reader mismatches': 0,
      'non-local edits': 0,
      crashes: 0,
      'SDK self-breaking files': 0,
    };
    const kinds: Record<FailureKind, keyof Figures> = {
      'reader mismatch': 'reader mismatches',
      'non-local edit': 'non-local edits',
      crash: 'crashes',
    };
    const failures: { index: number; repro: Repro }[] = [];
    for (let index = onlyCase ?? 0; index < (onlyCase === undefined ? cases : onlyCase + 1); index++) {
      figures.cases++;
      const repro = await runCase(caseGenerator(index), figures);
      if (repro) {
        figures[kinds[repro.kind]]++;
        failures.push({ index, repro });
      }
    }
    report('fuzz', { ...figures });
    for (const { index, repro } of failures.slice(0, 3)) {
      const texts = await shrink(repro);
      console.log(
        `      ${repro.kind} in case ${index} (replay: RELIABILITY_SEED=${seed} RELIABILITY_FUZZ_CASE=${index}): ${repro.message}\n` +
          `      minimal repro: ${JSON.stringify({ ...texts, edit: repro.edit })}`,
      );
    }
    assert.deepEqual(
      failures.map(({ repro }) => repro.kind),
      [],
      `${failures.length} failing cases (seed ${seed}); the first are printed above`,
    );
  });
});
