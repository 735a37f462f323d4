/**
 * Test helpers: what our model of botocore (core/ini/botocore) says botocore returns, in the shape
 * the real one does (see test/fixtures/botocore), and botocore's read in the shape of the SDK's.
 */
import type { FileRole } from '../../../src/core/files/roles';
import { cliDefaultSection, cliReading, pyStrip, type CliTarget } from '../../../src/core/ini/botocore';
import { scanIni } from '../../../src/core/ini/scan';
import type { BotocoreRead, CliSection } from '../../fixtures/botocore';

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
