/**
 * AWS errors in plain words. The SDK gives an error code (`name`) for answers from AWS and a Node
 * error code for failures to reach it; both become one kind with a message that says what to do.
 * Messages never quote credentials.
 */
import * as l10n from '@vscode/l10n';
import { isCancellation, isKnownError, KnownError } from '../errors';
import { proxyAuthenticationRefusal } from '../net/tunnel';
import { quoted, withoutSecrets } from '../secrets';

export type AwsProblemKind =
  | 'unknownKey'
  | 'wrongSecret'
  | 'expiredToken'
  /** An IAM Identity Center sign-in is missing, expired beyond refresh, or ended: sign in again. */
  | 'signIn'
  /** An `aws login` sign-in is missing or ended: run `aws login` again. */
  | 'login'
  | 'accessDenied'
  | 'throttled'
  | 'network'
  /** A proxy setting that cannot be used, a proxy that cannot be reached or would not connect. */
  | 'proxy'
  /** A certificate that is not trusted, or a CA bundle that cannot be used. */
  | 'certificate'
  | 'timeout'
  | 'cancelled'
  | 'other';

export interface AwsProblem {
  readonly kind: AwsProblemKind;
  readonly message: string;
}

export interface ErrorContext {
  /** A session token was sent with the key. */
  readonly withSessionToken?: boolean;
  /** The profile assumes a role with the web identity token in this file. */
  readonly webIdentityTokenFile?: string | undefined;
}

/** An IAM Identity Center profile cannot connect until the person signs in (again). */
export class SignInNeeded extends KnownError<'signIn'> {
  readonly reason = 'signIn';
  override readonly name = 'SignInNeeded';
}

/** A profile of `aws login` cannot connect until the person signs in with the AWS CLI (again). */
export class LoginNeeded extends KnownError<'login'> {
  readonly reason = 'login';
  override readonly name = 'LoginNeeded';
}

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
/** Node's codes for a certificate chain that does not end at a trusted CA: what a TLS-inspecting proxy's certificates get. */
const untrustedCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const outOfDateCodes = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const timeoutCodes = new Set(['TimeoutError', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'RequestTimeout', 'RequestTimeoutException']);
const throttlingCodes = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);

export function describeAwsError(error: unknown, context: ErrorContext = {}): AwsProblem {
  const { name, code, message: raw } = errorFields(error);
  const message = withoutSecrets(raw);
  const any = (codes: ReadonlySet<string>): boolean => codes.has(name) || codes.has(code);
  if (isCancellation(error)) {
    return { kind: 'cancelled', message: l10n.t('Cancelled.') };
  }
  if (isKnownError(error, 'signIn')) {
    return { kind: 'signIn', message: l10n.t('{0} Sign in again to connect.', message) };
  }
  if (isKnownError(error, 'login')) {
    return { kind: 'login', message: l10n.t('{0} Sign in with aws login to connect.', message) };
  }
  if (isKnownError(error, 'proxy') || isKnownError(error, 'certificate')) {
    return { kind: error.reason, message };
  }
  if (isKnownError(error)) {
    // Its message is written for the user already (a credential_process that failed, say).
    return { kind: 'other', message };
  }
  if (context.webIdentityTokenFile !== undefined) {
    const problem = webIdentityProblem(name, code, context.webIdentityTokenFile);
    if (problem) {
      return problem;
    }
  }
  if (name === 'InvalidClientTokenId' || name === 'UnrecognizedClientException') {
    return context.withSessionToken
      ? {
          kind: 'unknownKey',
          message: l10n.t(
            'AWS does not accept this access key ID with this session token: the token may belong to other keys, or a long-term key (AKIA...) was given a session token it does not need. Remove the aws_session_token line, or paste the three values again.',
          ),
        }
      : {
          kind: 'unknownKey',
          message: l10n.t('AWS does not know this access key ID. Check that it was copied whole and that the key is still active in IAM.'),
        };
  }
  if (name === 'SignatureDoesNotMatch' || name === 'InvalidSignatureException') {
    return {
      kind: 'wrongSecret',
      message: l10n.t(
        'The secret access key does not match the access key ID. Copy the secret again: it is the longer value shown once, when the key was created.',
      ),
    };
  }
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException' || name === 'RequestExpired') {
    return { kind: 'expiredToken', message: l10n.t('The session token has expired. Get new temporary credentials and paste them again.') };
  }
  if (name === 'AccessDenied' && /MultiFactorAuthentication failed/i.test(message)) {
    return {
      kind: 'accessDenied',
      message: l10n.t('AWS did not accept the MFA code. Wait for the next code of the device and connect again.'),
    };
  }
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'ForbiddenException') {
    return {
      kind: 'accessDenied',
      message: message
        ? l10n.t('AWS denied the request: {0}.', message)
        : l10n.t('AWS denied the request: the credentials are not allowed to do this.'),
    };
  }
  if (any(throttlingCodes)) {
    return { kind: 'throttled', message: l10n.t('AWS is throttling requests from these credentials. Wait a moment and try again.') };
  }
  if (any(timeoutCodes)) {
    return { kind: 'timeout', message: l10n.t('AWS did not answer in time. Check your network or proxy and try again.') };
  }
  if (httpStatusOf(error) === 407) {
    // VS Code's own proxy support, which takes over some requests, lets the proxy's answer through as the response.
    return { kind: 'proxy', message: proxyAuthenticationRefusal() };
  }
  const certificate = certificateProblem(name, code);
  if (certificate) {
    return certificate;
  }
  if (any(networkCodes)) {
    return { kind: 'network', message: l10n.t('AWS could not be reached ({0}). Check your network or proxy and try again.', code || name) };
  }
  return { kind: 'other', message: message ? `${name || 'Error'}: ${message}` : name || l10n.t('Unknown error') };
}

function certificateProblem(name: string, code: string): AwsProblem | undefined {
  const failed = [code, name].find((candidate) => untrustedCodes.has(candidate));
  if (failed) {
    return {
      kind: 'certificate',
      message: l10n.t(
        "The certificate of the AWS endpoint is not trusted ({0}): a proxy or firewall of your network may inspect TLS with your company's own certificate authority. Name a PEM file of that CA's certificate in the profile's ca_bundle, or in AWS_CA_BUNDLE, as the AWS CLI reads them; if one is named, it does not hold the CA that signed this certificate.",
        failed,
      ),
    };
  }
  if (outOfDateCodes.has(code)) {
    return {
      kind: 'certificate',
      message: l10n.t(
        "The certificate of the AWS endpoint is out of date ({0}): check the date and time of this computer, or ask whoever runs your network's proxy.",
        code,
      ),
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      kind: 'certificate',
      message: l10n.t(
        "The certificate of the AWS endpoint is for another host name ({0}): check the profile's endpoint_url, or the proxy that answers in its place.",
        code,
      ),
    };
  }
  return undefined;
}

/** What AssumeRoleWithWebIdentity's refusals mean for the file a cluster or a CI system keeps writing. */
function webIdentityProblem(name: string, code: string, file: string): AwsProblem | undefined {
  const shown = quoted(file);
  if (code === 'ENOENT' || code === 'EACCES') {
    return {
      kind: 'other',
      message:
        code === 'ENOENT'
          ? l10n.t(
              'The web identity token file {0} does not exist: the program that writes it (Kubernetes, a CI system) has not written it here, or web_identity_token_file names another path.',
              shown,
            )
          : l10n.t(
              'The web identity token file {0} cannot be read: the program that writes it (Kubernetes, a CI system) has not written it here, or web_identity_token_file names another path.',
              shown,
            ),
    };
  }
  if (name === 'ExpiredTokenException') {
    return {
      kind: 'expiredToken',
      message: l10n.t('The web identity token in {0} has expired: the program that writes it must renew it, then connect again.', shown),
    };
  }
  // AWS's codes, and the names the SDK's STS client gives them.
  if (['InvalidIdentityToken', 'InvalidIdentityTokenException', 'IDPRejectedClaim', 'IDPRejectedClaimException'].includes(name)) {
    return {
      kind: 'other',
      message: l10n.t(
        "AWS does not accept the web identity token in {0}: its issuer is not an identity provider of the role's account, or the file does not hold a token.",
        shown,
      ),
    };
  }
  if (name === 'AccessDenied') {
    return {
      kind: 'accessDenied',
      message: l10n.t(
        "The role's trust policy does not let this web identity token assume it (sts:AssumeRoleWithWebIdentity): check the role_arn and the trust policy's conditions.",
      ),
    };
  }
  return undefined;
}

function httpStatusOf(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}

function errorFields(error: unknown): { name: string; code: string; message: string } {
  if (typeof error !== 'object' || error === null) {
    return { name: '', code: '', message: String(error) };
  }
  const record = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  const code = typeof record.code === 'string' ? record.code : '';
  const fields = {
    name: typeof record.name === 'string' ? record.name : '',
    code,
    message: typeof record.message === 'string' ? record.message : '',
  };
  // Node's fetch and some SDK paths wrap the socket error.
  if (!code && record.cause && typeof record.cause === 'object') {
    const cause = errorFields(record.cause);
    return { ...fields, code: cause.code };
  }
  return fields;
}

/** The field of a key form that holds the value AWS refused, when the problem points at one. */
export function rejectedKeyField(problem: AwsProblem): 'accessKeyId' | 'secretAccessKey' | undefined {
  switch (problem.kind) {
    case 'unknownKey':
    case 'expiredToken':
      return 'accessKeyId';
    case 'wrongSecret':
      return 'secretAccessKey';
    default:
      return undefined;
  }
}
