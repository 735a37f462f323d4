import * as assert from 'node:assert/strict';
import { proxySettingsOf } from '../../../../src/core/net/settings';

const section = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] });

describe("proxySettingsOf: VS Code's http.* settings as the network route takes them", () => {
  it("reads VS Code's defaults when nothing is set", () => {
    assert.deepEqual(proxySettingsOf(section({})), {
      support: 'override',
      proxy: '',
      authorization: undefined,
      strictSSL: true,
      noProxy: [],
    });
  });

  it('reads each setting as written', () => {
    const settings = proxySettingsOf(
      section({
        proxySupport: 'off',
        proxy: 'http://proxy.example.com:3128',
        proxyAuthorization: 'Basic EXAMPLE',
        proxyStrictSSL: false,
        noProxy: ['10.0.0.0/8', '.corp.example'],
      }),
    );
    assert.deepEqual(settings, {
      support: 'off',
      proxy: 'http://proxy.example.com:3128',
      authorization: 'Basic EXAMPLE',
      strictSSL: false,
      noProxy: ['10.0.0.0/8', '.corp.example'],
    });
    for (const support of ['on', 'fallback', 'override']) {
      assert.equal(proxySettingsOf(section({ proxySupport: support })).support, support);
    }
  });

  it('reads a value of the wrong type, which settings.json can hold, as the default', () => {
    const settings = proxySettingsOf(section({ proxy: 3128, proxyAuthorization: null, proxyStrictSSL: 'false', noProxy: 'corp.example' }));
    assert.deepEqual(settings, { support: 'override', proxy: '', authorization: undefined, strictSSL: true, noProxy: [] });
    assert.deepEqual(proxySettingsOf(section({ noProxy: ['corp.example', 8080, null] })).noProxy, ['corp.example']);
    assert.equal(proxySettingsOf(section({ proxyAuthorization: '  ' })).authorization, undefined);
  });

  it('reads a set http.proxySupport other than off, on, fallback or override as off, as VS Code acts on it', () => {
    for (const value of ['Off', 'ON', 'Override', 'disabled', '', ' ', 3128, null, true]) {
      assert.equal(proxySettingsOf(section({ proxySupport: value })).support, 'off', JSON.stringify(value));
    }
  });
});
