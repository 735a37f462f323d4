/**
 * Random AWS files with secrets pasted where people paste them by mistake: with `:` instead of `=`,
 * wrapped onto the next lines, into region, source_profile, credential_source or sso_session, into
 * a section header, as a key's name, alone on a line, in a comment; beside ordinary profiles. Each
 * secret is random in the shape of its kind (or one of the fake secrets of the tests), and every one
 * used is returned, for the search.
 */
import type { FileTexts } from '../../src/core/profiles/editChecks';
import { testSecrets } from '../fixtures/secrets';

export interface PastedFiles {
  readonly texts: FileTexts;
  readonly secrets: readonly string[];
}

const base64Characters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64urlCharacters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const base32Characters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const names = ['default', 'dev', 'prod', 'team-a', 'base', 'ci_runner', 'corp'];
const regions = ['us-east-1', 'eu-west-2', 'us-east1', 'ap-southeast-2'];

export function pastedFiles(next: () => number): PastedFiles {
  const int = (from: number, to: number): number => from + Math.floor(next() * (to - from + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const chance = (probability: number): boolean => next() < probability;
  const text = (characters: string, length: number): string =>
    Array.from({ length }, () => characters[Math.floor(next() * characters.length)]).join('');
  const secrets: string[] = [];
  const secret = (): string => {
    const made = pick([
      () => pick(['AKIA', 'ASIA']) + text(base32Characters, 16),
      () => text(base64Characters, 40),
      () => `IQoJb3JpZ2luX2Vj${text(base64Characters, int(200, 600))}${pick(['', '=', '=='])}`,
      () => `aoa${text(base64urlCharacters, int(200, 500))}`,
      () => `${text(base64urlCharacters, 36)}.${text(base64urlCharacters, int(50, 200))}.${text(base64urlCharacters, 43)}`,
      () => pick(testSecrets),
    ])();
    secrets.push(made);
    return made;
  };
  const name = (): string => (chance(0.15) ? secret() : pick(names));
  const line = (): string => {
    switch (int(0, 13)) {
      case 0:
        return `aws_access_key_id = ${secret()}`;
      case 1:
        return `aws_secret_access_key = ${secret()}`;
      case 2:
        return `aws_session_token = ${secret()}`;
      case 3:
        return `${pick(['aws_secret_access_key', 'aws_session_token', 'aws_access_key_id'])}: ${secret()}${pick(['', '=', '=='])}`;
      case 4: {
        // A token copied from a web page with line breaks: the pieces after the first read as keys or as ignored lines.
        const token = secret();
        const [first = 1, second = 1] = [int(1, token.length - 1), int(1, token.length - 1)].sort((a, b) => a - b);
        const pieces = [token.slice(0, first), token.slice(first, second), token.slice(second)].filter(Boolean);
        return pieces.map((piece, index) => (index === 0 ? `aws_session_token = ${piece}` : `${pick(['', '  '])}${piece}`)).join('\n');
      }
      case 5:
        return `${pick(['region', 'source_profile', 'credential_source', 'sso_session', 'role_arn', 'mfa_serial', 'output'])} = ${secret()}`;
      case 6:
        return `${secret()} = ${pick(['x', 'true', secret()])}`;
      case 7:
        return secret();
      case 8:
        return `# ${secret()}`;
      case 9:
        return `region = ${pick(regions)}`;
      case 10:
        return `source_profile = ${name()}`;
      case 11:
        return pick(['role_arn = arn:aws:iam::123456789012:role/Developer', 'credential_source = Environment', 'output = json']);
      case 12:
        return pick([`sso_session = ${name()}`, 'sso_account_id = 123456789012', 'sso_role_name = Admin', 'regoin = us-east-1']);
      default:
        return '';
    }
  };
  const section = (header: string): string => [header, ...Array.from({ length: int(0, 6) }, line)].join('\n');
  const configHeader = (): string =>
    pick([
      () => '[default]',
      () => `[profile ${name()}]`,
      () => `[sso-session ${name()}]`,
      () => `[${name()}]`,
      () => `[foo ${name()}]`,
      () => `[sso-sesion ${name()}]`,
    ])();
  const credentialsHeader = (): string => pick([() => `[${name()}]`, () => `[profile ${name()}]`])();
  const file = (header: () => string): string =>
    [...(chance(0.1) ? [line()] : []), ...Array.from({ length: int(0, 4) }, () => section(header()))].join('\n') + '\n';
  const texts = { config: file(configHeader), credentials: file(credentialsHeader) };
  return { texts, secrets };
}
