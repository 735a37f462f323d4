/**
 * The regions the AWS Explorer shows beside the connection's own: the setting
 * awsCredentialManager.explorer.regions, read from what a person may have typed into settings.json,
 * the choices of AWS: Show or Hide Regions, and the move of the list earlier versions kept in global state.
 */
import * as l10n from '@vscode/l10n';
import { isRegionCode, knownRegions } from '../../profiles/regions';
import { quotedValue } from '../../secrets';

export interface RegionSetting {
  /** The region codes of the setting, in its order, each once. */
  readonly regions: readonly string[];
  /** What the setting holds that is not a region code, in words (the Explorer leaves it out). */
  readonly ignored: readonly string[];
}

/** Reads the setting's value: settings.json is edited by hand, so anything may be there. */
export function readRegionSetting(value: unknown): RegionSetting {
  if (value === undefined || value === null) {
    return { regions: [], ignored: [] };
  }
  if (!Array.isArray(value)) {
    return { regions: [], ignored: [l10n.t('{0} where a list of region codes belongs', typeWords(typeof value))] };
  }
  const regions: string[] = [];
  const ignored: string[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry === 'string' && isRegionCode(entry)) {
      if (!regions.includes(entry)) {
        regions.push(entry);
      }
    } else {
      ignored.push(typeof entry === 'string' ? `"${quotedValue('region', entry)}"` : typeWords(entry === null ? 'null' : typeof entry));
    }
  }
  return { regions, ignored };
}

/** What a value that is not a region code is, in words: "a number", "null". */
function typeWords(type: string): string {
  switch (type) {
    case 'null':
      return l10n.t('null');
    case 'string':
      return l10n.t('a string');
    case 'number':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('a boolean');
    case 'object':
      return l10n.t('an object');
    default:
      return l10n.t('a value of type {0}', type);
  }
}

/** The log line for a setting with entries that are not region codes, or undefined when it has none. */
export function regionSettingProblem(setting: string, { ignored }: RegionSetting): string | undefined {
  return ignored.length === 0
    ? undefined
    : l10n.t(
        'The setting {0} holds {1}, which the AWS Explorer leaves out: each entry must be a region code such as {2}. Correct it in your user settings (Preferences: Open User Settings (JSON)).',
        setting,
        ignored.join(', '),
        'eu-west-1',
      );
}

export interface RegionChoice {
  readonly region: string;
  /** The connection's own region, always shown. */
  readonly own: boolean;
  readonly picked: boolean;
}

/**
 * The rows of AWS: Show or Hide Regions: every public region, and any other the setting or the
 * connection names (a region newer than this list must not vanish when the choice is saved), sorted.
 */
export function regionChoices(added: readonly string[], own: string | undefined): RegionChoice[] {
  const all = new Set([...knownRegions, ...added, ...(own === undefined ? [] : [own])]);
  return [...all].sort().map((region) => ({ region, own: region === own, picked: region === own || added.includes(region) }));
}

/**
 * The setting once the user chose `chosen`: the regions kept stay in their order, new ones follow.
 * The connection's own region is always shown, so choosing it or not changes nothing: it stays in
 * the setting when it was there (another profile may need it), and is not added when it was not.
 */
export function regionsAfterChoice(previous: readonly string[], chosen: readonly string[], own: string | undefined): string[] {
  const kept = previous.filter((region) => region === own || chosen.includes(region));
  return [...kept, ...chosen.filter((region) => region !== own && !kept.includes(region))];
}

/** What to do with the regions an earlier version kept in global state. */
export type RegionMove =
  | { readonly kind: 'write'; readonly value: readonly unknown[] }
  | { readonly kind: 'forget' }
  | { readonly kind: 'wait'; readonly reason: string };

/**
 * Moves the stored regions into the user setting's value, once: added after those it holds (each
 * machine's list joins the one Settings Sync brought), keeping every entry the user wrote. A value
 * that is not a list is the user's to fix first; the stored regions wait until then.
 */
export function moveStoredRegions(userValue: unknown, stored: unknown): RegionMove {
  const { regions } = readRegionSetting(stored);
  if (regions.length === 0) {
    return { kind: 'forget' };
  }
  if (userValue !== undefined && !Array.isArray(userValue)) {
    return { kind: 'wait', reason: l10n.t('the setting holds {0}, not a list', typeWords(typeof userValue)) };
  }
  const current = (userValue ?? []) as readonly unknown[];
  const missing = regions.filter((region) => !current.includes(region));
  return missing.length === 0 ? { kind: 'forget' } : { kind: 'write', value: [...current, ...missing] };
}
