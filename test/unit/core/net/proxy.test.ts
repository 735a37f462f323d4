import * as assert from 'node:assert/strict';
import { proxyAuthorization, proxyFor, shownProxy, type ProxySettings } from '../../../../src/core/net/proxy';

const none: ProxySettings = { proxy: '', strictSSL: true, noProxy: [] };
const aws = { hostname: 'sts.us-east-1.amazonaws.com', port: 443 };
const proxied = (target: { hostname: string; port: number }, settings: Partial<ProxySettings>, env: Record<string, string> = {}) =>
  proxyFor(target, { ...none, ...settings }, env)?.url.href;

describe('proxyFor: which proxy a request takes, by VS Code rules', () => {
  it('takes http.proxy before the variables, and the variables lower case first, https_proxy before http_proxy', () => {
    assert.equal(proxied(aws, { proxy: 'http://setting:8080' }, { HTTPS_PROXY: 'http://env:3128' }), 'http://setting:8080/');
    assert.equal(proxied(aws, {}, { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' }), 'http://lower:2/');
    assert.equal(proxied(aws, {}, { HTTP_PROXY: 'http://plain:3', HTTPS_PROXY: 'http://secure:4' }), 'http://secure:4/');
    assert.equal(proxied(aws, {}, { HTTP_PROXY: 'http://plain:3' }), 'http://plain:3/');
    assert.equal(proxyFor(aws, none, {}), undefined);
    assert.equal(proxyFor(aws, none, { HTTPS_PROXY: 'http://env:3128' })?.source, 'HTTPS_PROXY');
    assert.equal(proxyFor(aws, { ...none, proxy: 'http://setting:8080' }, {})?.source, 'http.proxy');
  });

  it('reaches localhost directly, as VS Code does', () => {
    for (const hostname of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST']) {
      assert.equal(proxied({ hostname, port: 4566 }, { proxy: 'http://setting:8080' }), undefined, hostname);
    }
  });

  it('bypasses the hosts of http.noProxy, or of NO_PROXY when the setting lists none: domains, ports and *', () => {
    const settings = { proxy: 'http://setting:8080' };
    assert.equal(proxied(aws, { ...settings, noProxy: ['amazonaws.com'] }), undefined);
    assert.equal(proxied(aws, { ...settings, noProxy: ['.amazonaws.com'] }), undefined);
    assert.equal(proxied(aws, { ...settings, noProxy: ['sts.us-east-1.amazonaws.com:443'] }), undefined);
    assert.equal(proxied(aws, { ...settings, noProxy: ['amazonaws.com:8443'] }), 'http://setting:8080/');
    assert.equal(proxied(aws, { ...settings, noProxy: ['zonaws.com'] }), 'http://setting:8080/', 'a suffix must start at a dot');
    assert.equal(proxied(aws, { ...settings, noProxy: ['*'] }), undefined);
    assert.equal(proxied(aws, settings, { NO_PROXY: 'example.com, .amazonaws.com' }), undefined);
    assert.equal(proxied(aws, settings, { no_proxy: 'amazonaws.com', NO_PROXY: 'other.com' }), undefined);
    // The setting's list replaces the variable's, as in VS Code.
    assert.equal(proxied(aws, { ...settings, noProxy: ['example.com'] }, { NO_PROXY: 'amazonaws.com' }), 'http://setting:8080/');
  });

  it('refuses a proxy it cannot use, naming the setting and never the password', () => {
    for (const proxy of ['socks5://user:EXAMPLEsecret@proxy.example.com:1080', 'http://', 'user:EXAMPLEsecret@']) {
      assert.throws(
        () => proxyFor(aws, { ...none, proxy }, {}),
        (error: Error) =>
          error.name === 'ProxySettingInvalid' && error.message.includes('http.proxy') && !error.message.includes('EXAMPLEsecret'),
        proxy,
      );
    }
    assert.throws(() => proxyFor(aws, none, { HTTPS_PROXY: 'ftp://proxy:21' }), /HTTPS_PROXY/);
  });

  it('takes host:port without a scheme as an HTTP proxy, as curl and the AWS CLI do', () => {
    assert.equal(proxied(aws, {}, { HTTPS_PROXY: 'proxy.example.com:3128' }), 'http://proxy.example.com:3128/');
    assert.equal(
      shownProxy(proxyFor(aws, none, { HTTPS_PROXY: 'alice:EXAMPLEsecret@proxy.example.com:3128' })!.url),
      'http://proxy.example.com:3128',
    );
  });

  it('shows a proxy without its user name and password, and sends them as Basic authorization', () => {
    const url = new URL('http://ann%40corp:p%3Ass@proxy.example.com:8080');
    assert.equal(shownProxy(url), 'http://proxy.example.com:8080');
    assert.equal(Buffer.from(proxyAuthorization(url)!.slice('Basic '.length), 'base64').toString(), 'ann@corp:p:ss');
    assert.equal(proxyAuthorization(new URL('http://proxy.example.com:8080')), undefined);
    // A % that is not an escape is taken as written.
    const literal = proxyAuthorization(new URL('http://ann:pa%ss@proxy.example.com:8080'));
    assert.equal(Buffer.from(literal!.slice('Basic '.length), 'base64').toString(), 'ann:pa%ss');
  });
});
