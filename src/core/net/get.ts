/** A plain GET along a network route, for the one AWS call that is not an SDK client's (the console's federation endpoint). */
import * as http from 'node:http';
import * as https from 'node:https';
import { networkAgents, type NetworkRoute } from './agents';

export interface Answer {
  readonly status: number;
  readonly text: string;
}

/** The most of an answer read: a sign-in token is about 1 KB. */
const answerLimit = 1024 * 1024;

function timedOut(): Error {
  return Object.assign(new Error('No answer in time.'), { name: 'TimeoutError' });
}

export function getText(
  url: string,
  network: NetworkRoute,
  { signal, timeoutMs }: { signal?: AbortSignal | undefined; timeoutMs: number },
): Promise<Answer> {
  const secure = url.startsWith('https:');
  const agents = networkAgents(network, timeoutMs);
  const agent = secure ? agents.httpsAgent : agents.httpAgent;
  return new Promise<Answer>((resolve, reject) => {
    const request = (secure ? https : http).get(url, { agent, timeout: timeoutMs, ...(signal ? { signal } : {}) }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        if (text.length > answerLimit) {
          response.destroy(new Error('The answer is too long.'));
        }
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    // The whole call, connecting through a proxy included: `timeout` alone starts only once a socket exists.
    const timer = setTimeout(() => request.destroy(timedOut()), timeoutMs);
    request.on('timeout', () => request.destroy(timedOut()));
    request.on('error', reject);
    request.on('close', () => clearTimeout(timer));
  }).finally(() => {
    agents.httpAgent.destroy();
    agents.httpsAgent.destroy();
  });
}
