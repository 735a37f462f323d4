/**
 * Settings that the AWS SDKs and the AWS CLI read from a profile, and a few that common tools
 * write (aws-vault, Granted, saml2aws). A key outside this list is reported as unknown, with a
 * suggestion when it is a near miss. Nested keys under `s3 =` and the like are not checked.
 */
export const profileKeys: ReadonlySet<string> = new Set([
  // credentials
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'aws_account_id',
  'aws_credential_scope',
  // roles, web identity, process, SSO, aws login
  'role_arn',
  'source_profile',
  'credential_source',
  'role_session_name',
  'external_id',
  'mfa_serial',
  'duration_seconds',
  'web_identity_token_file',
  'credential_process',
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  'login_session',
  // clients
  'region',
  'output',
  'ca_bundle',
  'parameter_validation',
  'tcp_keepalive',
  'max_attempts',
  'retry_mode',
  'defaults_mode',
  'endpoint_url',
  'ignore_configured_endpoint_urls',
  'services',
  'use_dualstack_endpoint',
  'use_fips_endpoint',
  'endpoint_discovery_enabled',
  'sts_regional_endpoints',
  'sdk_ua_app_id',
  'sdk-ua-app-id',
  'disable_request_compression',
  'request_min_compression_size_bytes',
  'account_id_endpoint_mode',
  'auth_scheme_preference',
  'sigv4a_signing_region_set',
  'request_checksum_calculation',
  'response_checksum_validation',
  'disable_host_prefix_injection',
  'metadata_service_timeout',
  'metadata_service_num_attempts',
  'ec2_metadata_service_endpoint',
  'ec2_metadata_service_endpoint_mode',
  'ec2_metadata_v1_disabled',
  'imds_use_ipv6',
  'csm_enabled',
  'csm_host',
  'csm_port',
  'csm_client_id',
  'data_path',
  'proxy_ca_bundle',
  'proxy_client_cert',
  'proxy_use_forwarding_for_https',
  's3_use_arn_region',
  's3_disable_multiregion_access_points',
  's3_disable_express_session_auth',
  'disable_s3_express_session_auth',
  's3_us_east_1_regional_endpoint',
  // AWS CLI
  'cli_timestamp_format',
  'cli_binary_format',
  'cli_pager',
  'cli_error_format',
  'cli_auto_prompt',
  'cli_help_output',
  'cli_history',
  'cli_follow_urlparam',
  // written by common tools
  'include_profile',
  'parent_profile',
  'web_identity_token_process',
  'session_tags',
  'transitive_session_tags',
  'source_identity',
  'mfa_process',
  'granted_sso_start_url',
  'granted_sso_region',
  'granted_sso_account_id',
  'granted_sso_account_name',
  'granted_sso_role_name',
  'granted_generated_from',
  'common_fate_generated_from',
  'x_principal_arn',
  'x_security_token_expires',
  'toolkit_artifact_guid',
  'aws_session_expiration',
  'aws_credential_expiration',
  'aws_expiration',
  'expiration',
]);

export const ssoSessionKeys: ReadonlySet<string> = new Set(['sso_start_url', 'sso_region', 'sso_registration_scopes']);

/** Keys whose values are secrets: masked wherever settings are shown. */
export const secretKeys: ReadonlySet<string> = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);
/** Keys that belong in the credentials file (the AWS CLI writes them there). */
export const credentialFileKeys: ReadonlySet<string> = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']);

/** Secret keys, and keys that look like them (a misspelt secret key still holds a secret). */
export function isSecretKey(key: string): boolean {
  return secretKeys.has(key) || /secret|token|password/i.test(key);
}

export const supportedCredentialSources = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'] as const;
