/** The host figures as table rows with their budgets, and as named results for bench/results.json. */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { codeServers, root } from '../host/install';
import { readingMs } from './inHost/benchProfile';
import type { InHostFigures } from './inHost/index';
import { medianOf, type Row } from './measure';
import { listing, type ListingTimes } from './explorerListing';
import { sdkCodeIn } from './sdkCode';

/** How many profiles the quick pick, the Profiles view and the heap are measured with. */
export const manyProfiles = 10_000;

export interface HostLaunch {
  readonly figures: InHostFigures;
  /** What activate() logged about itself. */
  readonly activateMs: number;
}

export interface HostMeasures {
  readonly hosts: readonly HostLaunch[];
  readonly pickMs: readonly number[];
  /** The Profiles view's first rows, each in a new window. */
  readonly profilesViewMs: readonly number[];
  /** The host whose files have `manyProfiles` profiles: activation and their read only. */
  readonly manyProfilesHost: HostLaunch;
  readonly explorerListing: readonly ListingTimes[];
  readonly runs: number;
  readonly latencyMs: number;
  readonly seconds: number;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
// The repository's dist/ is what the installed .vsix was packaged from, byte for byte.
const fileSize = (file: string): number => statSync(path.join(root, file)).size;
const isChunk = (file: string): boolean => file.startsWith(path.join('dist', 'lazy') + path.sep);
const chunkList = (files: readonly string[]): string =>
  files.map((file) => `${path.basename(file)} ${kb(fileSize(file))}`).join(', ') || 'none';

export function report({ hosts, pickMs, profilesViewMs, manyProfilesHost, explorerListing, runs, latencyMs, seconds }: HostMeasures): {
  rows: Row[];
  results: Record<string, number | string | boolean>;
} {
  const figures = hosts.map((host) => host.figures);
  const activation = figures.map((figure) => figure.activation);
  const connects = figures.flatMap((figure) => figure.connect ?? []);
  const every = <T>(list: (figure: InHostFigures) => readonly T[]): T[] => [...new Set(figures.flatMap(list))].sort();
  const activateMs = medianOf(hosts.map((host) => host.activateMs));
  const activateCallMs = medianOf(activation.map((figure) => figure.activateCallMs));
  const inactiveAtStart = activation.filter((figure) => !figure.activeAtStart && !figure.bundleLoadedAtStart).length;
  const heapBytes = medianOf(activation.map((figure) => figure.heapGrowthBytes));
  const heapWithReadBytes = medianOf(activation.map((figure) => figure.heapGrowthWithReadBytes));
  const heapWithManyBytes = manyProfilesHost.figures.activation.heapGrowthWithReadBytes;
  // Files outside the extension (absolute paths) were loaded meanwhile by other extensions.
  const ownFiles = every((figure) => figure.activation.loadedByActivation.filter((file) => !path.isAbsolute(file)));
  const ourCode = ownFiles.filter((file) => !file.startsWith('node_modules'));
  const nodeModules = ownFiles.length - ourCode.length;
  const othersMeanwhile = medianOf(activation.map((figure) => figure.loadedByActivation.filter((file) => path.isAbsolute(file)).length));
  const beforeConnect = every((figure) => figure.connect?.loadedBeforeConnect ?? []);
  const sdkBeforeConnect = sdkCodeIn(beforeConnect, root);
  const firstConnectChunks = every((figure) => figure.connect?.loadedByFirstConnect.filter(isChunk) ?? []);
  const bundleBytes = fileSize(path.join('dist', 'extension.js'));
  // The package the hosts installed, IAM Identity Center and the editor's features included.
  const vsixBytes = fileSize('aws-credential-manager.vsix');
  const firstConnectMs = medianOf(connects.map((connect) => connect.firstMs));
  const fromPickMs = medianOf(connects.flatMap((connect) => connect.fromPickMs));
  const firstRatio = firstConnectMs / fromPickMs;
  const oursMs = medianOf(connects.flatMap((connect) => connect.oursMs));
  const bareMs = medianOf(connects.flatMap((connect) => connect.bareMs));
  const pairs = connects.reduce((count, connect) => count + connect.oursMs.length, 0);
  const ratio = oursMs / bareMs;
  const pick = medianOf(pickMs);
  const profilesView = medianOf(profilesViewMs);
  const listingFirstMs = medianOf(explorerListing.map((times) => times.firstRowMs));
  const listingAllMs = medianOf(explorerListing.map((times) => times.allMs));
  const listingFloorMs = medianOf(figures.flatMap((figure) => figure.bareListingMs ?? []));
  const listingInNodeMs = medianOf(explorerListing.map((times) => times.bareMs));
  const latenciesMs = (listing.functions / listing.pageSize) * listing.latencyMs;
  const rows: Row[] = [
    {
      measure: `activate() itself (its log line; ${hosts.length} hosts)`,
      value: ms(activateMs),
      budget: '<= 20 ms',
      pass: activateMs <= 20,
    },
    { measure: '  await extension.activate(), bundle load included', value: ms(activateCallMs), budget: '', pass: undefined },
    {
      measure: '  hosts where it was measured before VS Code touched it',
      value: `${inactiveAtStart} of ${hosts.length}`,
      budget: '',
      pass: undefined,
    },
    { measure: 'extension host heap kept by activation', value: kb(heapBytes), budget: '', pass: undefined },
    { measure: '  with the first read of the AWS files', value: kb(heapWithReadBytes), budget: '', pass: undefined },
    {
      measure: `  with ${manyProfiles.toLocaleString('en-US')} profiles read (one host)`,
      value: mb(heapWithManyBytes),
      budget: '<= 20 MB',
      pass: heapWithManyBytes <= 20 * 1024 * 1024,
    },
    {
      measure: 'files activation loads: ours / node_modules',
      value: `${ourCode.join(', ')} / ${nodeModules}`,
      budget: '',
      pass: undefined,
    },
    { measure: '  loaded meanwhile by other extensions', value: String(othersMeanwhile), budget: '', pass: undefined },
    {
      measure: 'AWS SDK code loaded before the first connect',
      value: sdkBeforeConnect.join('; ') || 'none',
      budget: 'none',
      pass: sdkBeforeConnect.length === 0,
    },
    { measure: '  dist/lazy chunks loaded by then', value: chunkList(beforeConnect.filter(isChunk)), budget: '', pass: undefined },
    { measure: 'dist/extension.js (production)', value: kb(bundleBytes), budget: '<= 300 KB', pass: bundleBytes <= 300 * 1024 },
    { measure: 'the .vsix (production)', value: kb(vsixBytes), budget: '<= 800 KB', pass: vsixBytes <= 800 * 1024 },
    {
      measure: 'dist/lazy chunks loaded from opening Connect to AWS to the first connection',
      value: chunkList(firstConnectChunks),
      budget: '',
      pass: undefined,
    },
    {
      measure: `  first connect from the pick (chosen after ${readingMs} ms), ${latencyMs} ms latency`,
      value: ms(firstConnectMs),
      budget: '',
      pass: undefined,
    },
    { measure: '  warm connect from the pick', value: ms(fromPickMs), budget: '', pass: undefined },
    { measure: '  first connect from the pick / warm', value: `${firstRatio.toFixed(2)}x`, budget: '<= 1.25x', pass: firstRatio <= 1.25 },
    { measure: `connect, warm, ${latencyMs} ms latency (${pairs} pairs)`, value: ms(oursMs), budget: '', pass: undefined },
    { measure: '  bare SDK fromIni + GetCallerIdentity', value: ms(bareMs), budget: '', pass: undefined },
    { measure: '  ratio to the bare call', value: `${ratio.toFixed(2)}x`, budget: '<= 1.15x', pass: ratio <= 1.15 },
    {
      measure: `Connect to AWS quick pick, ${manyProfiles.toLocaleString('en-US')} profiles`,
      value: ms(pick),
      budget: '<= 300 ms',
      pass: pick <= 300,
    },
    {
      measure: `Profiles view, first rows, ${manyProfiles.toLocaleString('en-US')} profiles`,
      value: ms(profilesView),
      budget: '<= 300 ms',
      pass: profilesView <= 300,
    },
    {
      measure: `Explorer, ${listing.functions.toLocaleString('en-US')} Lambda functions (${listing.functions / listing.pageSize} pages, ${listing.latencyMs} ms each)`,
      value: `${ms(listingAllMs)}, ${(listingAllMs / listingFloorMs).toFixed(2)}x the floor`,
      budget: '<= 1.15x',
      pass: listingAllMs <= 1.15 * listingFloorMs,
    },
    {
      measure: '  the floor: the same calls by the bare SDK paginator in the extension host',
      value: ms(listingFloorMs),
      budget: '',
      pass: undefined,
    },
    {
      measure: '  the same in plain Node / the latencies alone',
      value: `${ms(listingInNodeMs)} / ${latenciesMs} ms`,
      budget: '',
      pass: undefined,
    },
    {
      measure: '  its first function row',
      value: ms(listingFirstMs),
      budget: 'before the last page',
      pass: listingFirstMs < listingAllMs,
    },
  ];
  const { vscode } = codeServers.newest;
  const note = `host: VS Code ${vscode} (code-server), extension host Node ${figures[0]?.node ?? '?'}, the packaged .vsix; activation: median of ${hosts.length} hosts; connects: ${runs} pairs per host; quick pick: median of ${runs}; Profiles view: median of ${profilesViewMs.length} windows; Explorer listing: median of ${explorerListing.length} after one untimed; ${seconds.toFixed(0)} s in all`;
  const results: Record<string, number | string | boolean> = {
    'host.activate.ms': activateMs,
    'host.activateCall.ms': activateCallMs,
    'host.inactiveAtStart': `${inactiveAtStart}/${hosts.length}`,
    'host.activation.heap.bytes': heapBytes,
    'host.activation.heapWithRead.bytes': heapWithReadBytes,
    [`host.activation.heapWith${manyProfiles}.bytes`]: heapWithManyBytes,
    'host.activation.files': ourCode.join(', '),
    'host.activation.nodeModulesFiles': nodeModules,
    'host.sdkBeforeConnect': sdkBeforeConnect.join('; ') || 'none',
    'bundle.extension.bytes': bundleBytes,
    'package.vsix.bytes': vsixBytes,
    'bundle.firstConnectChunks': chunkList(firstConnectChunks),
    'host.connect.first.ms': firstConnectMs,
    'host.connect.fromPick.ms': fromPickMs,
    'host.connect.firstRatio': firstRatio,
    'host.connect.ours.ms': oursMs,
    'host.connect.bare.ms': bareMs,
    'host.connect.ratio': ratio,
    [`host.connectPick.${manyProfiles}.ms`]: pick,
    [`host.profilesView.${manyProfiles}.ms`]: profilesView,
    'host.explorer.lambda.first.ms': listingFirstMs,
    'host.explorer.lambda.all.ms': listingAllMs,
    'host.explorer.lambda.floor.ms': listingFloorMs,
    'host.explorer.lambda.bareInNode.ms': listingInNodeMs,
    'host.seconds': seconds,
    'host.note': note,
  };
  return { rows, results };
}
