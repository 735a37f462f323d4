/**
 * Where the console sign-in goes: the partition's sign-in and console hosts (from the region), the
 * page to open (a region's console home, a Lambda function's page), the federation endpoint (with
 * the SDK's order of overrides) and its two requests. Only `signinTokenUrl` and `loginUrl` hold a
 * secret: neither is ever logged.
 */
import type { Environment } from '../../files/paths';
import type { KeyCredentials } from '../clients';

export type ConsoleDestination =
  { readonly kind: 'home'; readonly region: string } | { readonly kind: 'lambdaFunction'; readonly region: string; readonly name: string };

interface Partition {
  readonly signInHost: string;
  consoleHost(region: string): string;
}

/** The partitions whose console accepts federation sign-ins, by the prefix of their regions' codes. */
const partitions: readonly (Partition & { readonly regionPrefix: string })[] = [
  { regionPrefix: 'cn-', signInHost: 'signin.amazonaws.cn', consoleHost: () => 'console.amazonaws.cn' },
  { regionPrefix: 'us-gov-', signInHost: 'signin.amazonaws-us-gov.com', consoleHost: () => 'console.amazonaws-us-gov.com' },
];
const commercial: Partition = { signInHost: 'signin.aws.amazon.com', consoleHost: (region) => `${region}.console.aws.amazon.com` };

function partitionOf(region: string): Partition {
  return partitions.find((partition) => region.startsWith(partition.regionPrefix)) ?? commercial;
}

export function destinationUrl(destination: ConsoleDestination): string {
  const { region } = destination;
  const base = `https://${partitionOf(region).consoleHost(region)}`;
  const query = `region=${encodeURIComponent(region)}`;
  return destination.kind === 'home'
    ? `${base}/console/home?${query}`
    : `${base}/lambda/home?${query}#/functions/${encodeURIComponent(destination.name)}`;
}

/**
 * The federation endpoint: the profile's endpoint_url first, as every client of the extension takes
 * it (see clientConfig), then AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL (none when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true), else the partition's sign-in host.
 */
export function federationEndpoint(region: string, profileEndpointUrl: string | undefined, env: Environment): string {
  const ignored = env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.toLowerCase() === 'true';
  const configured = ignored ? undefined : profileEndpointUrl || env['AWS_ENDPOINT_URL_SIGNIN'] || env['AWS_ENDPOINT_URL'];
  return `${(configured || `https://${partitionOf(region).signInHost}`).replace(/\/+$/, '')}/federation`;
}

/** The request for a sign-in token: the session's three values, as JSON in the query. */
export function signinTokenUrl(endpoint: string, { accessKeyId, secretAccessKey, sessionToken }: KeyCredentials): string {
  const session = JSON.stringify({ sessionId: accessKeyId, sessionKey: secretAccessKey, sessionToken: sessionToken ?? '' });
  return `${endpoint}?Action=getSigninToken&Session=${encodeURIComponent(session)}`;
}

/** What the console's sign-in session is said to come from: shown by AWS when the session ends. */
export const consoleIssuer = 'aws-credential-manager';

/** The address the browser opens: it signs in with the token (valid 15 minutes) and goes on to the destination. */
export function loginUrl(endpoint: string, signinToken: string, destination: ConsoleDestination): string {
  return (
    `${endpoint}?Action=login&Issuer=${encodeURIComponent(consoleIssuer)}` +
    `&Destination=${encodeURIComponent(destinationUrl(destination))}&SigninToken=${encodeURIComponent(signinToken)}`
  );
}
