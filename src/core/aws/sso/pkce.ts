/**
 * Proof Key for Code Exchange (RFC 7636) for the authorization code sign-in: a random verifier of
 * the unreserved characters, its S256 challenge, and a random state that the redirect must echo.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const unreserved = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** 64 characters, as the AWS CLI uses (the RFC allows 43 to 128). */
export function codeVerifier(length = 64): string {
  // Rejecting the bytes above the last whole multiple keeps every character equally likely.
  const limit = 256 - (256 % unreserved.length);
  let verifier = '';
  while (verifier.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < limit && verifier.length < length) {
        verifier += unreserved[byte % unreserved.length];
      }
    }
  }
  return verifier;
}

/** base64url of the verifier's SHA-256, without padding. */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function newState(): string {
  return randomUUID();
}
