/**
 * Test helpers: the real botocore (what the AWS CLI reads with) run on texts, all in one Python
 * process, and the same shape built from our model of it (core/ini/botocore) to compare with.
 */
import { spawnSync } from 'node:child_process';
import type { FileRole } from '../../../src/core/files/roles';
import { cliDefaultSection, cliReading, pyStrip, type CliTarget } from '../../../src/core/ini/botocore';
import { scanIni } from '../../../src/core/ini/scan';

export interface BotocoreCase {
  readonly role: FileRole;
  readonly text: string;
}

/** A section's keys: a value, or the keys of a sub-section (`s3 =` and indented lines). */
export type CliSection = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

/**
 * What botocore returns: for the config file `load_config` (profiles, sso_sessions, services and
 * any other section), for the credentials file `raw_config_parse` (every section by name); or
 * that it refused the file (ConfigParseError).
 */
export type BotocoreRead = { readonly refused: true } | { readonly read: Readonly<Record<string, unknown>> };

const script = String.raw`
import json, os, sys, tempfile
import botocore.configloader as loader
from botocore.exceptions import ConfigParseError
cases = json.load(sys.stdin)
results = []
with tempfile.TemporaryDirectory() as folder:
    for number, case in enumerate(cases):
        path = os.path.join(folder, str(number))
        with open(path, 'w', encoding='utf-8', newline='') as file:
            file.write(case['text'])
        try:
            if case['role'] == 'config':
                results.append({'read': loader.load_config(path)})
            else:
                results.append({'read': loader.raw_config_parse(path)})
        except ConfigParseError:
            results.append({'refused': True})
print(json.dumps(results))
`;

/** The Python with botocore: BOTOCORE_PYTHON, else python3 (the pyenv shim on the machine image). */
const python = process.env['BOTOCORE_PYTHON'] ?? 'python3';

/** Runs botocore on every case in one process. Throws, so the test fails, when Python or botocore is missing. */
export function runBotocore(cases: readonly BotocoreCase[]): BotocoreRead[] {
  const run = spawnSync(python, ['-c', script], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // The AWS CLI reads the files in the locale's encoding; UTF-8 here, whatever the machine's locale.
    env: { ...process.env, PYTHONUTF8: '1' },
  });
  if (run.error) {
    throw new Error(
      `These tests compare with the real botocore, and ${python} could not be started (${run.error.message}). Install Python 3 with botocore (pip install botocore), or set BOTOCORE_PYTHON.`,
    );
  }
  if (run.status !== 0) {
    throw new Error(
      `These tests compare with the real botocore, and ${python} failed (is botocore installed? pip install botocore): ${run.stderr.slice(0, 2000)}`,
    );
  }
  const results = JSON.parse(run.stdout) as BotocoreRead[];
  if (results.length !== cases.length) {
    throw new Error(`botocore returned ${results.length} results for ${cases.length} texts`);
  }
  return results;
}

/** What our model of botocore says it returns for a text, in the shape runBotocore reports. */
export function modelRead(role: FileRole, text: string): BotocoreRead {
  const scan = scanIni(text);
  const reading = cliReading(role, scan);
  if (reading.refusals.length > 0) {
    return { refused: true };
  }
  const sections = new Map<string, Record<string, string | Record<string, string>>>();
  reading.lines.forEach((line, index) => {
    if (line?.kind === 'header' && !sections.has(line.section)) {
      sections.set(line.section, {});
    }
    if (line?.kind !== 'option') {
      return;
    }
    const header = line.header === undefined ? undefined : reading.lines[line.header];
    const name = header?.kind === 'header' ? header.section : undefined;
    const section = name === undefined ? undefined : sections.get(name);
    if (section) {
      section[line.key] = reading.isNested(index) ? nested(reading.valueOf(index)) : reading.valueOf(index);
    }
  });
  const defaults = sections.get(cliDefaultSection) ?? {};
  sections.delete(cliDefaultSection);
  for (const [name, values] of sections) {
    sections.set(name, { ...defaults, ...values });
  }
  if (role === 'credentials') {
    return { read: Object.fromEntries(sections) };
  }
  const read: Record<string, unknown> = {};
  const groups: Record<string, Record<string, unknown>> = { profile: {}, 'sso-session': {}, services: {} };
  for (const [name, values] of sections) {
    const target: CliTarget | undefined = reading.targetOf(name);
    if (target && target.kind !== 'defaults') {
      (groups[target.kind] ?? {})[target.name] = values;
    } else if (!Object.keys(groups).some((prefix) => name.startsWith(prefix))) {
      // A section named like one of these that does not split into two words is dropped.
      read[name] = values;
    }
  }
  return { read: { ...read, profiles: groups['profile'], sso_sessions: groups['sso-session'], services: groups['services'] } };
}

/** botocore's `_parse_nested`. */
function nested(value: string): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (const line of value.split('\n')) {
    const stripped = pyStrip(line);
    const equals = stripped.indexOf('=');
    if (stripped !== '' && equals !== -1) {
      parsed[pyStrip(stripped.slice(0, equals))] = pyStrip(stripped.slice(equals + 1));
    }
  }
  return parsed;
}

/**
 * botocore's read in the shape of the SDK's (see sdkSections): the config file's profiles by name,
 * sso-sessions and services sections with their prefix; sub-section keys as `parent.name`; sections
 * without a value left out (the SDK has no such section), as are sections that are neither.
 */
export function asSdkSections(role: FileRole, read: Readonly<Record<string, unknown>>): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  const add = (name: string, values: unknown): void => {
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(values as CliSection)) {
      if (typeof value === 'string') {
        flat[key] = value;
      } else {
        for (const [inner, innerValue] of Object.entries(value)) {
          flat[`${key}.${inner}`] = innerValue;
        }
      }
    }
    if (Object.keys(flat).length > 0) {
      sections[name] = flat;
    }
  };
  if (role === 'credentials') {
    for (const [name, values] of Object.entries(read)) {
      add(name, values);
    }
    return sections;
  }
  const groups: [string, string][] = [
    ['profiles', ''],
    ['sso_sessions', 'sso-session.'],
    ['services', 'services.'],
  ];
  for (const [group, prefix] of groups) {
    for (const [name, values] of Object.entries((read[group] ?? {}) as Record<string, unknown>)) {
      add(`${prefix}${name}`, values);
    }
  }
  return sections;
}
