/**
 * How the extension's calls reach AWS: VS Code's network settings (`http.proxySupport`, `http.proxy`,
 * `http.proxyAuthorization`, `http.proxyStrictSSL`, `http.noProxy`), the environment's proxy variables,
 * and the CA bundle the AWS CLI would trust for the profile. Read again for each call, so a changed
 * setting or bundle applies at once.
 */
import * as vscode from 'vscode';
import type { NetworkRoute } from '../core/net/agents';
import { caBundleFor, readCaBundle } from '../core/net/caBundle';
import { proxySettingsOf } from '../core/net/settings';
import type { Environment } from '../core/files/paths';
import type { ProfileService } from './profileService';

export class Network {
  constructor(
    private readonly profiles: ProfileService,
    private readonly env: Environment = process.env,
  ) {}

  /** The route of the calls made for a profile (see caBundleFor for the bundle of no profile). */
  async route(profile?: string): Promise<NetworkRoute> {
    const { reports } = await this.profiles.latest();
    const bundle = caBundleFor(
      profile,
      reports.map((report) => report.profile),
      this.env,
    );
    return {
      proxy: proxySettingsOf(vscode.workspace.getConfiguration('http')),
      env: this.env,
      ...(bundle ? { ca: await readCaBundle(bundle) } : {}),
    };
  }
}
