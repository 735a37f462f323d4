import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { bypassOf, proxyFor, shownOf, shownProxy, unbracketed, type ProxySettings } from '../../../../src/core/net/proxy';
import { noProxySettings as none } from '../../../fixtures/network';

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
    const basic = (proxy: string, authorization?: string) => proxyFor(aws, { ...none, proxy, authorization }, {})?.authorization;
    const decoded = (header: string | undefined) => Buffer.from(header!.slice('Basic '.length), 'base64').toString();
    assert.equal(shownProxy(new URL('http://ann%40corp:p%3Ass@proxy.example.com:8080')), 'http://proxy.example.com:8080');
    assert.equal(decoded(basic('http://ann%40corp:p%3Ass@proxy.example.com:8080')?.header), 'ann@corp:p:ss');
    assert.equal(basic('http://ann%40corp:p%3Ass@proxy.example.com:8080')?.source, 'url');
    assert.equal(basic('http://proxy.example.com:8080'), undefined);
    // A % that is not an escape is taken as written.
    assert.equal(decoded(basic('http://ann:pa%ss@proxy.example.com:8080')?.header), 'ann:pa%ss');
  });

  it('names a proxy in messages by its address and where it was set, and reads an IPv6 host without brackets', () => {
    const proxy = proxyFor(aws, none, { HTTPS_PROXY: 'http://ann:EXAMPLEsecret@[fd00::1]:3128' });
    assert.equal(shownOf(proxy!), 'http://[fd00::1]:3128 (HTTPS_PROXY)');
    assert.equal(unbracketed(proxy!.url.hostname), 'fd00::1');
    assert.equal(unbracketed('proxy.example.com'), 'proxy.example.com');
    assert.equal(proxied({ hostname: '[::1]', port: 443 }, { proxy: 'http://setting:8080' }), undefined, 'localhost, bracketed');
  });

  it('sends http.proxyAuthorization as the header, before the user of the proxy URL, and refuses one that would break the request', () => {
    const settings = { ...none, proxy: 'http://ann:EXAMPLEsecret@proxy.example.com:8080', authorization: ' Negotiate EXAMPLEtoken ' };
    assert.deepEqual(proxyFor(aws, settings, {})?.authorization, { header: 'Negotiate EXAMPLEtoken', source: 'http.proxyAuthorization' });
    assert.deepEqual(proxyFor(aws, { ...settings, authorization: '  ' }, {})?.authorization?.source, 'url');
    assert.equal(proxyFor(aws, { ...settings, proxy: '' }, {}), undefined, 'no proxy: nothing is sent');
    assert.throws(
      () => proxyFor(aws, { ...settings, authorization: 'Basic EXAMPLE\r\nX-Injected: EXAMPLEsecret' }, {}),
      (error: Error) =>
        error.name === 'ProxySettingInvalid' &&
        /http\.proxyAuthorization holds a character a header cannot carry/.test(error.message) &&
        !/EXAMPLE/.test(error.message),
    );
    // Node's rule for a header value: TAB, printable ASCII and the Latin-1 range; nothing above U+00FF.
    for (const value of ['Basic EXAMPLE\u20ac', 'Bearer EXAMPLE\u{1F511}', 'Basic EXAMPLE\0']) {
      assert.throws(
        () => proxyFor(aws, { ...settings, authorization: value }, {}),
        (error: Error) => error.name === 'ProxySettingInvalid' && /cannot carry/.test(error.message) && !/EXAMPLE/.test(error.message),
        JSON.stringify(value),
      );
    }
    for (const value of ['Basic\tEXAMPLE', 'Basic EXAMPLE\u00e9\u00ff']) {
      assert.equal(proxyFor(aws, { ...settings, authorization: value }, {})?.authorization?.header, value);
    }
  });

  it('uses no proxy at all when http.proxySupport is off, neither http.proxy nor the variables, and the proxy for the other values', () => {
    const env = { HTTPS_PROXY: 'http://env:3128' };
    assert.equal(proxied(aws, { support: 'off', proxy: 'http://setting:8080' }, env), undefined);
    assert.equal(proxied(aws, { support: 'off' }, env), undefined);
    for (const support of ['on', 'fallback', 'override'] as const) {
      assert.equal(proxied(aws, { support, proxy: 'http://setting:8080' }, env), 'http://setting:8080/', support);
      assert.equal(proxied(aws, { support }, env), 'http://env:3128/', support);
    }
  });
});

describe('bypassOf and the no-proxy list: curl and VS Code readings of hosts, domains, addresses and ranges', () => {
  const settings = { proxy: 'http://setting:8080' };
  const direct = (hostname: string, noProxy: string[], port = 443) => proxied({ hostname, port }, { ...settings, noProxy }) === undefined;

  it('reads example.com, .example.com and *.example.com as the domain and its subdomains, never a longer name', () => {
    for (const entry of ['example.com', '.example.com', '*.example.com', 'example.com.', 'EXAMPLE.com']) {
      assert.ok(direct('example.com', [entry]), entry);
      assert.ok(direct('sts.eu.example.com', [entry]), entry);
      assert.ok(direct('sts.example.com.', [entry]), `${entry}, a trailing dot on the host`);
      assert.ok(!direct('notexample.com', [entry]), entry);
      assert.ok(!direct('example.com.evil.test', [entry]), entry);
    }
  });

  it('takes * anywhere in the list as every host, as VS Code does, and ignores entries it cannot read', () => {
    assert.ok(direct('sts.amazonaws.com', ['example.com', ' * ']));
    assert.ok(direct('10.1.2.3', ['*']));
    for (const entry of ['', ' ', 'a*b.com', '10.0.0.0/33', '10.0.0.0/x', 'example.com/8', 'host:port', '[::1', 'fd00::/129']) {
      assert.equal(bypassOf(entry), undefined, entry);
    }
    assert.ok(!direct('sts.amazonaws.com', ['a*b.com', '10.0.0.0/33', 'host:port']));
  });

  it('matches a literal IPv4 target against addresses and CIDR ranges, never against names', () => {
    assert.ok(direct('10.1.2.3', ['10.0.0.0/8']));
    assert.ok(direct('10.1.2.3', ['10.1.2.3']));
    assert.ok(direct('10.1.2.3', ['10.1.2.3:443']));
    assert.ok(!direct('10.1.2.3', ['10.1.2.3:8443']));
    assert.ok(!direct('11.1.2.3', ['10.0.0.0/8']));
    assert.ok(!direct('10.1.2.3', ['2.3']), 'an address is not a domain suffix');
    assert.ok(direct('192.168.7.9', ['192.168.0.0/16']));
    assert.ok(!direct('ten.example', ['10.0.0.0/8']));
  });

  it('matches a literal IPv6 target written with or without brackets, in any spelling, with a port only inside brackets', () => {
    for (const entry of ['::2', '[::2]', '0:0:0:0:0:0:0:2', '[::2]:443', '::/64', '[::/64]']) {
      assert.ok(direct('[::2]', [entry]), entry);
      assert.ok(direct('::2', [entry]), `${entry}, the host unbracketed`);
    }
    assert.ok(!direct('[::2]', ['[::2]:8443']));
    assert.ok(direct('[fd12:3456::1]', ['fd00::/8']));
    assert.ok(!direct('[fe80::1]', ['fd00::/8']));
  });

  it('bypasses exactly the IPv4 addresses of a CIDR range (property)', () => {
    const dotted = (value: number) => [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), (network, host, bits) => {
        fc.pre(!direct(dotted(host), []));
        const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
        const inside = (network & mask) >>> 0 === (host & mask) >>> 0;
        return direct(dotted(host), [`${dotted(network)}/${bits}`]) === inside;
      }),
    );
  });

  it('bypasses an IPv6 address by any of its spellings and ports (property)', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 1, max: 65535 }), (address, port) => {
        fc.pre(!direct(address, [], port));
        const canonical = new URL(`http://[${address}]/`).hostname;
        return (
          direct(`[${address}]`, [canonical], port) &&
          direct(address, [`[${address}]:${port}`], port) &&
          !direct(address, [`[${address}]:${(port % 65535) + 1}`], port) &&
          direct(canonical, [`${address}/128`], port)
        );
      }),
    );
  });
});
