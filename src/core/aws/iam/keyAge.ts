/** How old a profile's access key is, and when that is worth a mark: AWS recommends rotating keys every 90 days. */
import * as l10n from '@vscode/l10n';

export const oldKeyDays = 90;

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days from a key's creation to `now`. */
export function keyAgeDays(created: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - created.getTime()) / dayMs));
}

export function isOldKey(days: number): boolean {
  return days > oldKeyDays;
}

/** "key 123 days old", as the Profiles view describes an old key. */
export function keyAgeWords(days: number): string {
  return days === 1 ? l10n.t('key {0} day old', days) : l10n.t('key {0} days old', days);
}

/** The tooltip's line for an old key. */
export function oldKeyAdvice(days: number): string {
  return l10n.t(
    'The access key is {0} days old: AWS recommends rotating access keys at least every {1} days. Rotate Access Key replaces it with a new one.',
    days,
    oldKeyDays,
  );
}
