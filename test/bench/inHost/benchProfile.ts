/**
 * What the runner and the in-host bench module agree on. Free of `vscode` and of the endpoint
 * fixture (which loads @smithy), so either side can import it without loading anything else.
 */
export const benchProfile = { name: 'bench', region: 'us-east-1' } as const;

/** How many timed connects the in-host module makes, one pair (ours, bare) each. */
export const runsVariable = 'AWS_CM_BENCH_RUNS';

/** The time a person takes to find their profile in the Connect to AWS pick before choosing it. */
export const readingMs = 400;

/** Set in the host whose files have that many generated profiles and no bench profile: it measures activation only. */
export const manyProfilesVariable = 'AWS_CM_BENCH_MANY_PROFILES';
