/**
 * The names of IAM Identity Center profiles and sessions, and their start URLs: profile names from
 * a template (made names the writer accepts, and unique), a session name from a start URL, and
 * whether two start URLs name one portal. Free of Node, so the panel's webview checks with them too.
 */
import { isSdkName } from '../ini/syntax';
import { checkProfileName } from '../ini/writable';

/** One role in one account, as the portal lists it. */
export interface AccountRole {
  readonly accountId: string;
  readonly accountName: string;
  readonly roleName: string;
}

export interface NameValues extends AccountRole {
  readonly session: string;
}

export const defaultProfileNameTemplate = '{roleName}-{accountName}';

const placeholder = /\{(accountName|accountId|roleName|session)\}/g;

/**
 * A profile name from a template (`{accountName}`, `{accountId}`, `{roleName}`, `{session}`), made
 * one the writer accepts (see writableName). Each placeholder is filled once: a value that itself
 * reads `{roleName}` stays as written. Other text, unknown placeholders included, is kept as text.
 * A name with nothing left falls back to `{roleName}-{accountId}`.
 */
export function profileNameFrom(template: string, values: NameValues): string {
  const filled = template.replace(placeholder, (_match, key: keyof NameValues) => values[key]);
  return writableName(filled, 'profile') ?? writableName(`${values.roleName}-${values.accountId}`, 'profile') ?? 'sso-profile';
}

/**
 * `raw` as a name checkProfileName accepts (the same rules hold for sso-session names): every
 * character the SDK refuses in a name, white space included, becomes `-`, runs of `-` become one,
 * and `-` at either end goes. A name the rules still refuse (`__proto__`, `constructor`,
 * `sso-session.x`) takes `-word` after it or, when that is not enough, `word-` before it.
 * Undefined when nothing is left.
 */
function writableName(raw: string, word: string): string | undefined {
  const name = [...raw]
    .map((character) => (isSdkName(character) ? character : '-'))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (name === '') {
    return undefined;
  }
  return [name, `${name}-${word}`, `${word}-${name}`].find((candidate) => checkProfileName(candidate) === undefined);
}

/**
 * A name for each wanted name, in order, that is neither taken nor given to an earlier one: the
 * name itself when free, else the first free of `name-2`, `name-3`, ...
 */
export function uniqueNames(wanted: readonly string[], taken: ReadonlySet<string>): string[] {
  const used = new Set(taken);
  const nextSuffix = new Map<string, number>();
  return wanted.map((name) => {
    let candidate = name;
    let suffix = nextSuffix.get(name) ?? 2;
    while (used.has(candidate)) {
      candidate = `${name}-${suffix}`;
      suffix += 1;
    }
    nextSuffix.set(name, suffix);
    used.add(candidate);
    return candidate;
  });
}

/**
 * A default sso-session name for a start URL: the first label of its host
 * (`https://d-9067c1a2b3.awsapps.com/start` gives `d-9067c1a2b3`), or the directory of an AWS
 * GovCloud (US) portal (`https://start.us-gov-home.awsapps.com/directory/d-906766d33c` gives
 * `d-906766d33c`); made a name checkProfileName accepts, as profile names are.
 */
export function sessionNameFrom(startUrl: string): string {
  const url = parsedUrl(startUrl);
  const [label] = url?.hostname.split('.') ?? [];
  const directory = label === 'start' ? /^\/directory\/([^/]+)/.exec(url?.pathname ?? '')?.[1] : undefined;
  return writableName(directory ?? label ?? startUrl, 'sso') ?? writableName(startUrl, 'sso') ?? 'sso';
}

/**
 * Whether two start URLs name the same portal: equal once trailing `/` are trimmed, with the
 * fragment (`#/`, which the portal's own links carry and no server sees) dropped and the scheme and
 * host compared without case.
 */
export function sameStartUrl(a: string, b: string): boolean {
  return comparableUrl(a) === comparableUrl(b);
}

function comparableUrl(text: string): string {
  const url = parsedUrl(text);
  const base = url ? `${url.protocol}//${url.host}${url.pathname}${url.search}` : text.trim().replace(/#.*$/s, '');
  return base.replace(/\/+$/, '');
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text.trim());
  } catch {
    return undefined;
  }
}
