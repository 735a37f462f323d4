import * as assert from 'node:assert/strict';
import { documentedKeys, keyDoc, valueDoc } from '../../../../src/core/language/keyDocs';
import { profileKeys, ssoSessionKeys, supportedCredentialSources } from '../../../../src/core/profiles/knownKeys';
import { knownRegions } from '../../../../src/core/profiles/regions';

const knownKeys = [...new Set([...profileKeys, ...ssoSessionKeys])];

describe('key docs', () => {
  it('documents every known key, and only known keys', () => {
    assert.deepEqual(
      knownKeys.filter((key) => keyDoc(key) === undefined),
      [],
    );
    assert.deepEqual(
      documentedKeys().filter((key) => !knownKeys.includes(key)),
      [],
    );
  });

  it('says in one or two sentences what each key does, and links AWS pages only, never for tool-written keys', () => {
    for (const key of knownKeys) {
      const doc = keyDoc(key);
      assert.ok(doc, key);
      const sentences = doc.summary.split(/[.:;!?](?:\s|$)/).filter((part) => part.trim() !== '');
      assert.ok(sentences.length >= 1 && sentences.length <= 3, `${key}: ${doc.summary}`);
      if (doc.reader === 'tool') {
        assert.equal(doc.link, undefined, key);
        assert.match(doc.summary, /^Written by /, key);
      } else if (doc.link !== undefined) {
        assert.match(
          doc.link,
          /^https:\/\/docs\.aws\.amazon\.com\/(sdkref\/latest\/guide\/[a-z0-9-]+\.html|cli\/latest\/userguide\/)/,
          key,
        );
      }
    }
  });

  it('gives no value set, and so no value, for a secret key', () => {
    for (const key of ['aws_secret_access_key', 'aws_session_token', 'aws_security_token']) {
      assert.equal(keyDoc(key)?.values, undefined, key);
    }
  });

  const closedSets: [string, string[]][] = [
    ['credential_source', [...supportedCredentialSources]],
    ['output', ['json', 'yaml', 'yaml-stream', 'text', 'table']],
    ['retry_mode', ['standard', 'adaptive', 'legacy']],
    ['defaults_mode', ['standard', 'in-region', 'cross-region', 'mobile', 'auto', 'legacy']],
    ['sts_regional_endpoints', ['regional', 'legacy']],
    ['ec2_metadata_service_endpoint_mode', ['IPv4', 'IPv6']],
    ['request_checksum_calculation', ['when_supported', 'when_required']],
    ['response_checksum_validation', ['when_supported', 'when_required']],
    ['account_id_endpoint_mode', ['preferred', 'disabled', 'required']],
    ['cli_auto_prompt', ['on', 'on-partial', 'off']],
    ['region', [...knownRegions]],
    ['sso_region', [...knownRegions]],
  ];
  for (const [key, values] of closedSets) {
    it(`offers the values of ${key}: ${values.slice(0, 6).join(', ')}${values.length > 6 ? ', ...' : ''}`, () => {
      assert.deepEqual(
        keyDoc(key)?.values?.map((value) => value.value),
        values,
      );
    });
  }

  const booleans = [
    'use_fips_endpoint',
    'use_dualstack_endpoint',
    'parameter_validation',
    'tcp_keepalive',
    's3_use_arn_region',
    'ignore_configured_endpoint_urls',
    'endpoint_discovery_enabled',
    'disable_request_compression',
    'ec2_metadata_v1_disabled',
    'imds_use_ipv6',
    's3_disable_multiregion_access_points',
    's3_disable_express_session_auth',
    'disable_host_prefix_injection',
  ];
  it('offers true and false, each with its meaning, for the boolean keys', () => {
    for (const key of booleans) {
      assert.deepEqual(
        keyDoc(key)?.values?.map((value) => value.value),
        ['true', 'false'],
        key,
      );
      assert.ok(valueDoc(key, 'true')?.summary, key);
    }
  });

  it('describes every value of a closed set but the regions, and finds a value only as written', () => {
    assert.match(valueDoc('credential_source', 'EcsContainer')?.summary ?? '', /ECS/);
    assert.equal(valueDoc('credential_source', 'ecscontainer'), undefined);
    assert.equal(valueDoc('region', 'us-east-1')?.summary, undefined);
    assert.equal(keyDoc('__proto__'), undefined);
    assert.equal(keyDoc('constructor'), undefined);
  });
});
