/**
 * Starts a real VS Code (code-server) on a free loopback port, with its own temporary HOME,
 * user-data and extensions folders, so tests never touch the user's files or settings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually } from '../eventually';
import { onCleanup } from './cleanup';
import { codeServerEntry, codeServers, installAll, nodeBinary, withoutNpmVariables, type CodeServerName } from './install';

export interface CodeServerOptions {
  readonly build?: CodeServerName;
  /** HOME of VS Code and of the extension host; a new empty folder when not given. */
  readonly home?: string;
  /** Extra environment for VS Code and the extension host (AWS_* variables of the parent are dropped). */
  readonly env?: Readonly<Record<string, string>>;
  /** Keep the parent's AWS_* variables (AWS_PROFILE, AWS_CONFIG_FILE...), for `npm start` on the real home. */
  readonly keepAwsEnvironment?: boolean;
  /** Extensions already installed there are loaded (a .vsix installed with `installVsix`). */
  readonly extensionsDir?: string;
  readonly port?: number;
  /** VS Code's display language; one other than English needs its language pack in `extensionsDir`. */
  readonly locale?: string;
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly home: string;
  readonly folder: string;
  readonly logFile: string;
  /** VS Code's own logs: the window's, the extension host's and every output channel's. */
  readonly logsFolder: string;
  /** VS Code's user data: settings, global state, logs, the language packs it knows. */
  readonly userDataDir: string;
  /** The user's settings.json: VS Code applies a change to it at once. */
  readonly settingsFile: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A plain workbench: no welcome page, no chat panel, no telemetry prompts. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  // Else the extension host scans every process's open ports every few seconds, stalling whatever it is timing.
  'remote.autoForwardPorts': false,
};

/** The parent's environment without what would leak into the test: AWS settings, VS Code's and npm's own variables. */
function hostEnvironment(home: string, scratch: string, extra: Readonly<Record<string, string>>, keepAws = false): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(withoutNpmVariables())) {
    const dropped = (!keepAws && name.startsWith('AWS_')) || name.startsWith('VSCODE_') || name.startsWith('ELECTRON_');
    if (!dropped) {
      env[name] = value;
    }
  }
  // code-server keeps its own config under XDG_CONFIG_HOME: never in the user's home.
  return { ...env, HOME: home, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_DATA_HOME: path.join(scratch, 'data'), ...extra };
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const build = codeServers[options.build ?? 'newest'];
  installAll([options.build ?? 'newest']);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-vscode-'));
  const home = options.home ?? path.join(scratch, 'home');
  const folder = path.join(scratch, 'workspace');
  const userData = path.join(scratch, 'user-data');
  const extensions = options.extensionsDir ?? path.join(scratch, 'extensions');
  for (const created of [home, folder, userData, extensions]) {
    mkdirSync(created, { recursive: true });
  }
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(quietSettings, null, 2));
  const port = options.port ?? (await freePort());
  const logFile = path.join(scratch, 'code-server.log');
  const log = openSync(logFile, 'a');
  const child = spawn(
    nodeBinary(build.node),
    [
      codeServerEntry(build.version),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      // Newer releases only honour the workbench URL's payload (extension under development, tests) with this option.
      ...(options.build === 'oldest' ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
      ...(options.locale ? ['--locale', options.locale] : []),
      folder,
    ],
    { env: hostEnvironment(home, scratch, options.env ?? {}, options.keepAwsEnvironment), detached: true, stdio: ['ignore', log, log] },
  );
  const stop = async (): Promise<void> => {
    await killGroup(child);
    rmSync(scratch, { recursive: true, force: true });
  };
  // `stop` removes the scratch folder, so a HOME given by the caller (the user's own) is never under it.
  onCleanup(stop);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, child, 90_000);
  } catch (error) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    await stop();
    throw new Error(`${String(error)}\ncode-server ${build.version} log:\n${tail}`);
  }
  return {
    url,
    port,
    home,
    folder,
    logFile,
    logsFolder: path.join(userData, 'logs'),
    userDataDir: userData,
    settingsFile: path.join(userData, 'User', 'settings.json'),
    stop,
  };
}

/** Installs a .vsix the way a user does, into an extensions folder. */
export async function installVsix(vsix: string, extensionsDir: string, build: CodeServerName = 'newest'): Promise<void> {
  const { version, node } = codeServers[build];
  installAll([build]);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-install-'));
  onCleanup(() => rmSync(scratch, { recursive: true, force: true }));
  const child = spawn(nodeBinary(node), [codeServerEntry(version), '--install-extension', vsix, '--extensions-dir', extensionsDir], {
    env: hostEnvironment(scratch, scratch, {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 || !/was successfully installed/.test(output)) {
    throw new Error(`Installing ${vsix} failed:\n${output}`);
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const answered = async (): Promise<boolean> => {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode} before it listened`);
    }
    // A server that accepts the connection but never answers must not hang the run.
    return fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
  };
  await eventually(answered, Boolean, () => `code-server did not answer on ${url} within ${timeoutMs / 1000} s`, {
    timeoutMs,
    intervalMs: 200,
  });
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** The workbench address; with a payload it loads the extension under development and, optionally, its tests. */
export function workbenchUrl(server: CodeServer, development?: { extensionPath: string; testsPath?: string }): string {
  const remote = (file: string): string => `vscode-remote://127.0.0.1:${server.port}${file}`;
  const payload: [string, string][] = [];
  if (development) {
    payload.push(['extensionDevelopmentPath', remote(development.extensionPath)]);
    if (development.testsPath) {
      payload.push(['extensionTestsPath', remote(development.testsPath)]);
    }
  }
  const query = `folder=${encodeURIComponent(server.folder)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  return `${server.url}/?${query}`;
}
