/**
 * The loopback redirect of the authorization code sign-in: a listener on 127.0.0.1 only (never on
 * other interfaces), on a port the system picks, that takes one redirect carrying the expected
 * `state`, answers the browser tab in plain words, and closes.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as l10n from '@vscode/l10n';
import { CancelledError } from '../../errors';
import { escapeHtml } from '../../html';

const callbackPath = '/oauth/callback';

/** The redirect address registered with the client: the port is chosen per sign-in, as loopback redirects allow. */
export function loopbackRedirectUri(port?: number): string {
  return `http://127.0.0.1${port === undefined ? '' : `:${port}`}${callbackPath}`;
}

/** The sign-in was refused in the browser, or answered with another OAuth error: named as IAM Identity Center names its errors. */
function redirectError(error: string | null): Error {
  if (error === 'access_denied') {
    return Object.assign(new Error(l10n.t('The sign-in was denied in the browser.')), { name: 'AccessDeniedException' });
  }
  const message = error === null ? l10n.t('The browser sign-in failed: no code.') : l10n.t('The browser sign-in failed: {0}.', error);
  return Object.assign(new Error(message), { name: 'InvalidRequestException' });
}

/** Ten minutes, as the AWS CLI waits. */
const defaultTimeoutMs = 10 * 60_000;

/** The tab's page, in VS Code's language, which core does not know to name: so no lang at all rather than a wrong one. */
const page = (title: string, text: string): string =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;

/**
 * Listens, calls `open` with the redirect address (with its port), and gives the code of the first
 * redirect whose state matches; others are answered and ignored.
 */
export async function awaitRedirect(
  state: string,
  signal: AbortSignal,
  timeoutMs = defaultTimeoutMs,
  open: (redirectUri: string) => Promise<void>,
): Promise<{ code: string; redirectUri: string }> {
  let settle: { resolve: (code: string) => void; reject: (error: unknown) => void } | undefined;
  const received = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // The browser may answer while `open` is still running, before anything awaits the answer.
  received.catch(() => undefined);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== callbackPath || url.searchParams.get('state') !== state) {
      response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(l10n.t('Sign-in not recognised'), l10n.t('This address does not belong to the sign-in in progress.')));
      return;
    }
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (code) {
      response.end(
        page(l10n.t('Signed in'), l10n.t('You are signed in to IAM Identity Center. You can close this tab and return to VS Code.')),
      );
      settle?.resolve(code);
    } else {
      response.end(
        page(l10n.t('Sign-in not completed'), l10n.t('The sign-in was not approved. You can close this tab and return to VS Code.')),
      );
      settle?.reject(redirectError(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const redirectUri = loopbackRedirectUri((server.address() as AddressInfo).port);
  const onAbort = (): void => settle?.reject(new CancelledError());
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(
    () =>
      settle?.reject(
        Object.assign(new Error(l10n.t('The browser sign-in was not completed within 10 minutes.')), { name: 'ExpiredTokenException' }),
      ),
    timeoutMs,
  );
  try {
    if (signal.aborted) {
      throw new CancelledError();
    }
    await open(redirectUri);
    return { code: await received, redirectUri };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    server.closeAllConnections();
    server.close();
  }
}
