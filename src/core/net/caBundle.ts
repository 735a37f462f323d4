/**
 * The certificate authorities a company adds for its TLS-inspecting proxy or firewall, given as
 * the AWS CLI takes them: `AWS_CA_BUNDLE`, else the profile's `ca_bundle`, a PEM file (the path as
 * written, as botocore reads it). They are trusted beside the usual ones, not instead of them.
 */
import { readFile } from 'node:fs/promises';
import * as l10n from '@vscode/l10n';
import { KnownError } from '../errors';
import type { Environment } from '../files/paths';
import { quoted } from '../secrets';

export interface CaBundle {
  readonly file: string;
  /** Where the file was named: `AWS_CA_BUNDLE` or `ca_bundle of profile NAME` (in VS Code's language). */
  readonly source: string;
}

/** A CA bundle that cannot be used; the message names the file and where it was set. */
export class CaBundleUnusable extends KnownError<'certificate'> {
  readonly reason = 'certificate';
  override readonly name = 'CaBundleUnusable';
}

const pemCertificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The PEM certificates of a text (any other text around them is ignored, as OpenSSL does). */
export function pemCertificates(text: string): string[] {
  return text.match(pemCertificate) ?? [];
}

type ProfileBundle = { readonly name: string; readonly caBundle: string | undefined };

/** The bundle botocore would use for a profile: the variable wins over the profile's key. */
export function caBundleOf(profile: ProfileBundle | undefined, env: Environment): CaBundle | undefined {
  const fromEnv = env['AWS_CA_BUNDLE']?.trim();
  if (fromEnv) {
    return { file: fromEnv, source: 'AWS_CA_BUNDLE' };
  }
  const fromProfile = profile?.caBundle?.trim();
  return profile && fromProfile ? { file: fromProfile, source: l10n.t('ca_bundle of profile {0}', quoted(profile.name)) } : undefined;
}

/**
 * The bundle of the calls made for a profile; for calls of no profile, or of one not written yet (a
 * sign-in, keys being checked), that of the profile the AWS CLI would use then: AWS_PROFILE's, or default's.
 */
export function caBundleFor(profile: string | undefined, profiles: readonly ProfileBundle[], env: Environment): CaBundle | undefined {
  const named = (name: string) => profiles.find((each) => each.name === name);
  return caBundleOf((profile === undefined ? undefined : named(profile)) ?? named(env['AWS_PROFILE'] || 'default'), env);
}

/** The PEM certificates of the bundle. */
export async function readCaBundle({ file, source }: CaBundle): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CaBundleUnusable(unreadable(quoted(file), source, (error as NodeJS.ErrnoException).code));
  }
  const certificates = pemCertificates(text);
  if (certificates.length === 0) {
    throw new CaBundleUnusable(
      l10n.t(
        'The CA bundle {0} ({1}) holds no certificate: it must be PEM text with -----BEGIN CERTIFICATE----- blocks (convert a .cer or .der file with openssl x509 -inform der).',
        quoted(file),
        source,
      ),
    );
  }
  return certificates;
}

function unreadable(file: string, source: string, code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return l10n.t("The CA bundle {0} ({1}) does not exist: name a PEM file of your company's CA certificates.", file, source);
    case 'EISDIR':
      return l10n.t("The CA bundle {0} ({1}) is a folder: name a PEM file of your company's CA certificates.", file, source);
    case undefined:
      return l10n.t("The CA bundle {0} ({1}) cannot be read (error): name a PEM file of your company's CA certificates.", file, source);
    default:
      return l10n.t("The CA bundle {0} ({1}) cannot be read ({2}): name a PEM file of your company's CA certificates.", file, source, code);
  }
}
