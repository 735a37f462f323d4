/**
 * The floor of the Explorer's Lambda listing: the same pages listed by the bare SDK paginator in the
 * extension host, where VS Code's proxy support handles each call as it handles the extension's
 * (see explorerListing for the listing itself and its endpoint).
 */
import { performance } from 'node:perf_hooks';
import { benchProfile } from './benchProfile';

/** The local endpoint with the listing's functions, given to the host by the runner. */
export const listingEndpointVariable = 'AWS_CM_BENCH_LISTING_URL';

/**
 * Times `runs` listings with the bench profile's keys, each with a new client, after one untimed
 * that loads the client's code.
 */
export async function measureBareListings(
  paths: { readonly config: string; readonly credentials: string },
  endpoint: string,
  runs: number,
): Promise<number[]> {
  const { LambdaClient, paginateListFunctions } = await import('@aws-sdk/client-lambda');
  const { fromIni } = await import('@aws-sdk/credential-providers');
  const credentials = await fromIni({ profile: benchProfile.name, filepath: paths.credentials, configFilepath: paths.config })();
  const listOnce = async (): Promise<number> => {
    const start = performance.now();
    const client = new LambdaClient({ region: benchProfile.region, endpoint, credentials });
    try {
      for await (const page of paginateListFunctions({ client, pageSize: 50 }, {})) {
        void page;
      }
    } finally {
      client.destroy();
    }
    return performance.now() - start;
  };
  await listOnce();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    times.push(await listOnce());
  }
  return times;
}
