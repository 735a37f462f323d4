/**
 * What each known key does, in a sentence or two, with the AWS page that documents it, and the
 * values of the keys whose values form a closed set: what completion offers and hover explains.
 * Every key of knownKeys has an entry here (a test holds the two equal). The credential sources
 * stay in knownKeys, where the validator checks them; this file only puts words to them. The words are
 * in VS Code's language, so the table is built on first use (see docs), never at load.
 */
import * as l10n from '@vscode/l10n';
import { supportedCredentialSources } from '../profiles/knownKeys';
import { knownRegions } from '../profiles/regions';

/**
 * Who reads a key: the AWS SDKs (and the CLI), the AWS CLI (or botocore) only, an older name or
 * deprecated feature that still works, or a tool that writes it for itself.
 */
export type KeyReader = 'sdk' | 'cli' | 'legacy' | 'tool';

export interface ValueDoc {
  readonly value: string;
  /** What the value does; none for values that name themselves (regions). */
  readonly summary?: string;
}

export interface KeyDoc {
  /** One or two sentences, in Markdown (plain text as written here): what the key does. */
  readonly summary: string;
  readonly reader: KeyReader;
  /** The AWS documentation page of the key; none for tool-written and undocumented keys. */
  readonly link?: string;
  /** The values of a closed set, for completion and hover. */
  readonly values?: readonly ValueDoc[];
}

const sdkref = 'https://docs.aws.amazon.com/sdkref/latest/guide/';
const cliFiles = 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html#cli-config-';

const page = {
  staticKeys: `${sdkref}feature-static-credentials.html`,
  assumeRole: `${sdkref}feature-assume-role-credentials.html`,
  process: `${sdkref}feature-process-credentials.html`,
  sso: `${sdkref}feature-sso-credentials.html`,
  login: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sign-in.html',
  region: `${sdkref}feature-region.html`,
  general: `${sdkref}feature-gen-config.html`,
  retries: `${sdkref}feature-retry-behavior.html`,
  defaults: `${sdkref}feature-smart-config-defaults.html`,
  serviceEndpoints: `${sdkref}feature-ss-endpoints.html`,
  fipsDualStack: `${sdkref}feature-endpoints.html`,
  endpointDiscovery: `${sdkref}feature-endpoint-discovery.html`,
  sts: `${sdkref}feature-sts-regionalized-endpoints.html`,
  appId: `${sdkref}feature-appid.html`,
  compression: `${sdkref}feature-compression.html`,
  accountEndpoints: `${sdkref}feature-account-endpoints.html`,
  authScheme: `${sdkref}feature-auth-scheme.html`,
  checksums: `${sdkref}feature-dataintegrity.html`,
  hostPrefix: `${sdkref}feature-host-prefix.html`,
  instanceMetadata: `${sdkref}feature-ec2-instance-metadata.html`,
  imdsCredentials: `${sdkref}feature-imds-credentials.html`,
  s3AccessPoints: `${sdkref}feature-s3-access-point.html`,
  s3MultiRegion: `${sdkref}feature-s3-mrap.html`,
  s3Express: `${sdkref}feature-s3-express.html`,
} as const;

/** `true` and `false`, each with what it means for this key. */
function flag(whenTrue: string, whenFalse: string): readonly ValueDoc[] {
  return [
    { value: 'true', summary: whenTrue },
    { value: 'false', summary: whenFalse },
  ];
}

const regions: readonly ValueDoc[] = knownRegions.map((value) => ({ value }));

/** A key that a tool writes for itself; `summary` says which tool, and what the key holds. */
const tool = (summary: string): KeyDoc => ({ summary, reader: 'tool' });

/** Every doc, in VS Code's language: built on first use, not at load (the bundle is configured after), and kept. */
let built: Readonly<Record<string, KeyDoc>> | undefined;

function docs(): Readonly<Record<string, KeyDoc>> {
  return (built ??= buildDocs());
}

function buildDocs(): Readonly<Record<string, KeyDoc>> {
  /** Written out per source, so a source added to knownKeys cannot go without words. */
  const credentialSourceWords: Readonly<Record<(typeof supportedCredentialSources)[number], string>> = {
    Environment: l10n.t('The source credentials come from the environment variables (AWS_ACCESS_KEY_ID and the others).'),
    Ec2InstanceMetadata: l10n.t(
      'The source credentials are those of the IAM role of the Amazon EC2 instance, from its instance metadata service.',
    ),
    EcsContainer: l10n.t('The source credentials are those of the Amazon ECS container (its task role).'),
  };

  return {
    // credentials
    aws_access_key_id: {
      summary: l10n.t('The access key ID of the IAM credentials: the public half of an access key, used with aws_secret_access_key.'),
      reader: 'sdk',
      link: page.staticKeys,
    },
    aws_secret_access_key: {
      summary: l10n.t('The secret access key that goes with aws_access_key_id and signs every request. Keep it in the credentials file.'),
      reader: 'sdk',
      link: page.staticKeys,
    },
    aws_session_token: {
      summary: l10n.t('The session token of temporary credentials (keys starting with ASIA), given with them by AWS STS.'),
      reader: 'sdk',
      link: page.staticKeys,
    },
    aws_security_token: {
      summary: l10n.t(
        'An older name for aws_session_token that botocore (the AWS CLI, boto3) still reads. Write aws_session_token instead.',
      ),
      reader: 'legacy',
    },
    aws_account_id: {
      summary: l10n.t(
        'The 12-digit AWS account ID of these credentials; services that support it route requests to an account-based endpoint.',
      ),
      reader: 'sdk',
      link: page.accountEndpoints,
    },
    aws_credential_scope: {
      summary: l10n.t('The credential scope of the static keys of this profile; the AWS SDK for JavaScript hands it on with the keys.'),
      reader: 'sdk',
    },
    // roles, web identity, process, SSO, console login
    role_arn: {
      summary: l10n.t(
        'The ARN of the IAM role to assume. The credentials to assume it with come from source_profile, credential_source or web_identity_token_file.',
      ),
      reader: 'sdk',
      link: page.assumeRole,
    },
    source_profile: {
      summary: l10n.t('The profile whose credentials assume role_arn; that profile can itself assume a role, which makes a chain.'),
      reader: 'sdk',
      link: page.assumeRole,
    },
    credential_source: {
      summary: l10n.t(
        'Where the credentials that assume role_arn come from, when they are not in a profile. Use it instead of source_profile.',
      ),
      reader: 'sdk',
      link: page.assumeRole,
      values: supportedCredentialSources.map((value) => ({ value, summary: credentialSourceWords[value] })),
    },
    role_session_name: {
      summary: l10n.t('The name of the role session, which shows in AWS CloudTrail; the SDK makes one up when it is not set.'),
      reader: 'sdk',
      link: page.assumeRole,
    },
    external_id: {
      summary: l10n.t(
        'The external ID that the trust policy of the role asks for, often when a third party assumes a role in your account.',
      ),
      reader: 'sdk',
      link: page.assumeRole,
    },
    mfa_serial: {
      summary: l10n.t('The ARN (or serial number) of the MFA device whose code assuming the role requires; you are asked for the code.'),
      reader: 'sdk',
      link: page.assumeRole,
    },
    duration_seconds: {
      summary: l10n.t('How long the role session lasts, in seconds: from 900 (15 minutes) up to the maximum session duration of the role.'),
      reader: 'sdk',
      link: page.assumeRole,
    },
    web_identity_token_file: {
      summary: l10n.t('The path of a file holding an OAuth 2.0 or OpenID Connect token, exchanged for credentials of role_arn.'),
      reader: 'sdk',
      link: page.assumeRole,
    },
    credential_process: {
      summary: l10n.t('A command that prints credentials as JSON on its standard output; the SDK runs it when it needs credentials.'),
      reader: 'sdk',
      link: page.process,
    },
    sso_session: {
      summary: l10n.t('The [sso-session] section of the config file this profile signs in with through IAM Identity Center.'),
      reader: 'sdk',
      link: page.sso,
    },
    sso_start_url: {
      summary: l10n.t(
        'The AWS access portal URL of IAM Identity Center. Set it in an [sso-session] section; set in a profile, it is the older, non-refreshing form.',
      ),
      reader: 'sdk',
      link: page.sso,
    },
    sso_region: {
      summary: l10n.t('The AWS Region of the IAM Identity Center instance: where sign-in happens, not where the profile makes its calls.'),
      reader: 'sdk',
      link: page.sso,
      values: regions,
    },
    sso_account_id: {
      summary: l10n.t('The 12-digit ID of the AWS account that the IAM Identity Center profile gets credentials for.'),
      reader: 'sdk',
      link: page.sso,
    },
    sso_role_name: {
      summary: l10n.t('The permission set (role) in sso_account_id that the IAM Identity Center profile gets credentials for.'),
      reader: 'sdk',
      link: page.sso,
    },
    sso_registration_scopes: {
      summary: l10n.t(
        'The OAuth scopes the sign-in registers for, comma-separated; sso:account:access is what reaching the accounts needs.',
      ),
      reader: 'sdk',
      link: page.sso,
    },
    login_session: {
      summary: l10n.t('The AWS Management Console sign-in that `aws login` set up; the SDK gets temporary credentials from it.'),
      reader: 'sdk',
      link: page.login,
    },
    // clients
    region: {
      summary: l10n.t('The AWS Region that calls made with this profile go to, such as us-east-1.'),
      reader: 'sdk',
      link: page.region,
      values: regions,
    },
    output: {
      summary: l10n.t('How the AWS CLI formats the results of commands.'),
      reader: 'cli',
      link: page.general,
      values: [
        { value: 'json', summary: l10n.t('A JSON document (the default).') },
        { value: 'yaml', summary: l10n.t('A YAML document.') },
        { value: 'yaml-stream', summary: l10n.t('YAML written as it arrives, which is faster for large results.') },
        { value: 'text', summary: l10n.t('Tab-separated lines, for grep, sed and awk.') },
        { value: 'table', summary: l10n.t('A table drawn with +, | and -, for people to read.') },
      ],
    },
    ca_bundle: {
      summary: l10n.t(
        'The path of a certificate bundle (a .pem file) to verify TLS connections with, for networks with their own certificate authority.',
      ),
      reader: 'sdk',
      link: page.general,
    },
    parameter_validation: {
      summary: l10n.t('Whether the client checks the parameters of a request before sending it.'),
      reader: 'sdk',
      link: page.general,
      values: flag(
        l10n.t('Check parameters before sending (the default).'),
        l10n.t('Send the request unchecked and let the service answer.'),
      ),
    },
    tcp_keepalive: {
      summary: l10n.t('Whether the client sends TCP keep-alive packets on its connections.'),
      reader: 'sdk',
      link: page.general,
      values: flag(l10n.t('Send TCP keep-alive packets.'), l10n.t('Send none (the default).')),
    },
    max_attempts: {
      summary: l10n.t('How many times in all a request is tried, the first attempt included, before the error is returned.'),
      reader: 'sdk',
      link: page.retries,
    },
    retry_mode: {
      summary: l10n.t('How failed requests are retried.'),
      reader: 'sdk',
      link: page.retries,
      values: [
        { value: 'standard', summary: l10n.t('The retry rules shared by all AWS SDKs, with a retry quota.') },
        { value: 'adaptive', summary: l10n.t('Standard retries plus client-side rate limiting when the service throttles; experimental.') },
        { value: 'legacy', summary: l10n.t('The older retry behaviour of each SDK.') },
      ],
    },
    defaults_mode: {
      summary: l10n.t('Which set of default values the SDK uses for timeouts, retries and endpoints, for the way the application runs.'),
      reader: 'sdk',
      link: page.defaults,
      values: [
        { value: 'standard', summary: l10n.t('The recommended defaults, safe in most cases.') },
        { value: 'in-region', summary: l10n.t('Standard, tuned for calls to services in the Region the application runs in.') },
        { value: 'cross-region', summary: l10n.t('Standard, tuned for calls to services in another Region.') },
        { value: 'mobile', summary: l10n.t('Standard, tuned for mobile applications.') },
        { value: 'auto', summary: l10n.t('The SDK guesses the environment (it may ask the instance metadata service); experimental.') },
        { value: 'legacy', summary: l10n.t('The defaults each SDK had before defaults modes existed (the default).') },
      ],
    },
    endpoint_url: {
      summary: l10n.t(
        'The URL that requests go to for every service, instead of the AWS endpoint: a local emulator or a proxy, for example.',
      ),
      reader: 'sdk',
      link: page.serviceEndpoints,
    },
    ignore_configured_endpoint_urls: {
      summary: l10n.t('Whether the SDK ignores endpoint URLs set in the files and the environment.'),
      reader: 'sdk',
      link: page.serviceEndpoints,
      values: flag(
        l10n.t('Ignore configured endpoint URLs and use the AWS endpoints.'),
        l10n.t('Use configured endpoint URLs (the default).'),
      ),
    },
    services: {
      summary: l10n.t('The [services] section whose service-specific settings (endpoint_url per service) this profile uses.'),
      reader: 'sdk',
      link: page.serviceEndpoints,
    },
    use_dualstack_endpoint: {
      summary: l10n.t('Whether requests go to dual-stack endpoints, which accept IPv6 as well as IPv4.'),
      reader: 'sdk',
      link: page.fipsDualStack,
      values: flag(l10n.t('Use dual-stack (IPv4 and IPv6) endpoints.'), l10n.t('Use the IPv4 endpoints (the default).')),
    },
    use_fips_endpoint: {
      summary: l10n.t('Whether requests go to FIPS endpoints, which use FIPS 140 validated cryptography.'),
      reader: 'sdk',
      link: page.fipsDualStack,
      values: flag(l10n.t('Use FIPS endpoints where the service has them.'), l10n.t('Use the standard endpoints (the default).')),
    },
    endpoint_discovery_enabled: {
      summary: l10n.t(
        'Whether the client asks services that support endpoint discovery (such as Amazon Timestream) which endpoint to call.',
      ),
      reader: 'sdk',
      link: page.endpointDiscovery,
      values: flag(l10n.t('Discover endpoints.'), l10n.t('Use the usual endpoints unless the operation requires discovery.')),
    },
    sts_regional_endpoints: {
      summary: l10n.t('Which AWS STS endpoint calls go to: the one of the Region, or the global one.'),
      reader: 'sdk',
      link: page.sts,
      values: [
        { value: 'regional', summary: l10n.t('The endpoint of the configured Region.') },
        { value: 'legacy', summary: l10n.t('The global endpoint (sts.amazonaws.com) for the Regions that had it.') },
      ],
    },
    sdk_ua_app_id: {
      summary: l10n.t('An ID for your application that the SDK adds to the User-Agent header of its requests.'),
      reader: 'sdk',
      link: page.appId,
    },
    'sdk-ua-app-id': {
      summary: l10n.t('An older spelling of sdk_ua_app_id: an ID for your application in the User-Agent header.'),
      reader: 'legacy',
      link: page.appId,
    },
    disable_request_compression: {
      summary: l10n.t('Whether the SDK stops compressing request bodies for operations that accept compressed ones.'),
      reader: 'sdk',
      link: page.compression,
      values: flag(l10n.t('Send request bodies uncompressed.'), l10n.t('Compress them where the operation supports it (the default).')),
    },
    request_min_compression_size_bytes: {
      summary: l10n.t('The smallest request body, in bytes, that the SDK compresses (10240 unless set).'),
      reader: 'sdk',
      link: page.compression,
    },
    account_id_endpoint_mode: {
      summary: l10n.t('Whether requests go to account-based endpoints, which include the AWS account ID, for services that have them.'),
      reader: 'sdk',
      link: page.accountEndpoints,
      values: [
        { value: 'preferred', summary: l10n.t('Use an account-based endpoint when the account ID is known (the default).') },
        { value: 'disabled', summary: l10n.t('Never put the account ID in the endpoint.') },
        { value: 'required', summary: l10n.t('Always use an account-based endpoint; fail when the account ID is unknown.') },
      ],
    },
    auth_scheme_preference: {
      summary: l10n.t(
        'The authentication schemes to prefer, in order and comma-separated (sigv4, sigv4a, httpBearerAuth), where a service offers several.',
      ),
      reader: 'sdk',
      link: page.authScheme,
    },
    sigv4a_signing_region_set: {
      summary: l10n.t('The comma-separated Regions a SigV4a signature is valid in, when SigV4a signs the request.'),
      reader: 'sdk',
      link: page.authScheme,
    },
    request_checksum_calculation: {
      summary: l10n.t('When the SDK computes a checksum of the request body (Amazon S3 and other services that support it).'),
      reader: 'sdk',
      link: page.checksums,
      values: [
        { value: 'when_supported', summary: l10n.t('For every operation that supports a request checksum (the default).') },
        { value: 'when_required', summary: l10n.t('Only when the operation requires one, or you choose an algorithm for the request.') },
      ],
    },
    response_checksum_validation: {
      summary: l10n.t('When the SDK checks the checksum of a response body (Amazon S3 and other services that support it).'),
      reader: 'sdk',
      link: page.checksums,
      values: [
        { value: 'when_supported', summary: l10n.t('For every operation whose response can carry a checksum (the default).') },
        { value: 'when_required', summary: l10n.t('Only when the request asks for validation.') },
      ],
    },
    disable_host_prefix_injection: {
      summary: l10n.t(
        'Whether the SDK stops putting a prefix (such as the account ID) in front of the endpoint host name for some operations.',
      ),
      reader: 'sdk',
      link: page.hostPrefix,
      values: flag(
        l10n.t('Leave the host name as it is: for VPC endpoints and local test tools.'),
        l10n.t('Add the prefix (the default).'),
      ),
    },
    metadata_service_timeout: {
      summary: l10n.t('How many seconds a request to the Amazon EC2 instance metadata service may take (1 unless set).'),
      reader: 'sdk',
      link: page.instanceMetadata,
    },
    metadata_service_num_attempts: {
      summary: l10n.t('How many times in all the SDK tries the Amazon EC2 instance metadata service before giving up (1 unless set).'),
      reader: 'sdk',
      link: page.instanceMetadata,
    },
    ec2_metadata_service_endpoint: {
      summary: l10n.t('The URL of the Amazon EC2 instance metadata service, instead of the usual address.'),
      reader: 'sdk',
      link: page.imdsCredentials,
    },
    ec2_metadata_service_endpoint_mode: {
      summary: l10n.t('Whether the instance metadata service is reached over IPv4 or IPv6, when ec2_metadata_service_endpoint is not set.'),
      reader: 'sdk',
      link: page.imdsCredentials,
      values: [
        { value: 'IPv4', summary: l10n.t('{0} (the default).', 'http://169.254.169.254') },
        { value: 'IPv6', summary: 'http://[fd00:ec2::254].' },
      ],
    },
    ec2_metadata_v1_disabled: {
      summary: l10n.t('Whether the SDK stops falling back to IMDSv1 when IMDSv2 fails on an Amazon EC2 instance.'),
      reader: 'sdk',
      link: page.imdsCredentials,
      values: flag(l10n.t('Use IMDSv2 only.'), l10n.t('Fall back to IMDSv1 (the default).')),
    },
    imds_use_ipv6: {
      summary: l10n.t(
        'An older switch to reach the instance metadata service over IPv6; ec2_metadata_service_endpoint_mode = IPv6 is the standard setting.',
      ),
      reader: 'legacy',
      values: flag(l10n.t('Use the IPv6 address.'), l10n.t('Use the IPv4 address.')),
    },
    csm_enabled: {
      summary: l10n.t('Turns on client-side monitoring (SDK Metrics), a deprecated feature that sends call metrics to a local agent.'),
      reader: 'legacy',
      values: flag(l10n.t('Send client-side monitoring events.'), l10n.t('Send none.')),
    },
    csm_host: { summary: l10n.t('The host of the client-side monitoring agent (deprecated).'), reader: 'legacy' },
    csm_port: { summary: l10n.t('The port of the client-side monitoring agent (deprecated).'), reader: 'legacy' },
    csm_client_id: { summary: l10n.t('The client ID in client-side monitoring events (deprecated).'), reader: 'legacy' },
    data_path: {
      summary: l10n.t('Folders where botocore (the AWS CLI, boto3) looks for extra service model data.'),
      reader: 'cli',
    },
    proxy_ca_bundle: {
      summary: l10n.t('The certificate bundle that botocore (the AWS CLI, boto3) verifies an HTTPS proxy with.'),
      reader: 'cli',
    },
    proxy_client_cert: {
      summary: l10n.t('The client certificate that botocore (the AWS CLI, boto3) presents to an HTTPS proxy.'),
      reader: 'cli',
    },
    proxy_use_forwarding_for_https: {
      summary: l10n.t(
        'Whether botocore (the AWS CLI, boto3) sends HTTPS requests through the proxy as forwarded requests instead of a tunnel.',
      ),
      reader: 'cli',
      values: flag(l10n.t('Forward HTTPS requests through the proxy.'), l10n.t('Tunnel them with CONNECT (the default).')),
    },
    s3_use_arn_region: {
      summary: l10n.t(
        'Whether Amazon S3 requests that name an access point ARN go to the Region of the ARN rather than the client Region.',
      ),
      reader: 'sdk',
      link: page.s3AccessPoints,
      values: flag(l10n.t('Use the Region in the ARN.'), l10n.t('Use the Region of the client (the default).')),
    },
    s3_disable_multiregion_access_points: {
      summary: l10n.t('Whether the SDK refuses Amazon S3 Multi-Region Access Points, and so requests that cross Regions.'),
      reader: 'sdk',
      link: page.s3MultiRegion,
      values: flag(l10n.t('Refuse Multi-Region Access Points.'), l10n.t('Allow them (the default).')),
    },
    s3_disable_express_session_auth: {
      summary: l10n.t('Whether the SDK signs requests to S3 Express One Zone buckets with plain SigV4 instead of session authentication.'),
      reader: 'sdk',
      link: page.s3Express,
      values: flag(l10n.t('Use SigV4 for S3 Express One Zone.'), l10n.t('Use session authentication (the default).')),
    },
    disable_s3_express_session_auth: {
      summary: l10n.t('Another spelling of s3_disable_express_session_auth, the name the AWS SDKs and Tools Reference Guide documents.'),
      reader: 'legacy',
      link: page.s3Express,
      values: flag(l10n.t('Use SigV4 for S3 Express One Zone.'), l10n.t('Use session authentication (the default).')),
    },
    s3_us_east_1_regional_endpoint: {
      summary: l10n.t('Which Amazon S3 endpoint requests in us-east-1 go to: the Regional one or the global one.'),
      reader: 'sdk',
      values: [
        { value: 'regional', summary: l10n.t('The Regional endpoint (s3.us-east-1.amazonaws.com).') },
        { value: 'legacy', summary: l10n.t('The global endpoint (s3.amazonaws.com).') },
      ],
    },
    // AWS CLI
    cli_timestamp_format: {
      summary: l10n.t('How the AWS CLI shows timestamps in its output.'),
      reader: 'cli',
      link: `${cliFiles}cli_timestamp_format`,
      values: [
        { value: 'iso8601', summary: l10n.t('ISO 8601 (the default of AWS CLI version 2).') },
        { value: 'wire', summary: l10n.t('As the service sent it (AWS CLI version 2).') },
        { value: 'none', summary: l10n.t('As the service sent it (AWS CLI version 1, its default).') },
      ],
    },
    cli_binary_format: {
      summary: l10n.t('How AWS CLI version 2 reads binary parameters given on the command line.'),
      reader: 'cli',
      link: `${cliFiles}cli_binary_format`,
      values: [
        { value: 'base64', summary: l10n.t('Binary values are written in base64 (the default).') },
        { value: 'raw-in-base64-out', summary: l10n.t('Binary values are taken as they are, as AWS CLI version 1 did.') },
      ],
    },
    cli_pager: {
      summary: l10n.t('The program that AWS CLI version 2 pipes its output through; an empty value turns paging off.'),
      reader: 'cli',
      link: `${cliFiles}cli_pager`,
    },
    cli_error_format: {
      summary: l10n.t('How the AWS CLI prints errors.'),
      reader: 'cli',
      link: `${cliFiles}cli_error_format`,
    },
    cli_auto_prompt: {
      summary: l10n.t('Whether AWS CLI version 2 prompts for the command and its parameters as you type.'),
      reader: 'cli',
      link: `${cliFiles}cli_auto_prompt`,
      values: [
        { value: 'on', summary: l10n.t('Prompt for every command.') },
        { value: 'on-partial', summary: l10n.t('Prompt only when a command is incomplete or cannot be parsed.') },
        { value: 'off', summary: l10n.t('Never prompt (the default).') },
      ],
    },
    cli_help_output: {
      summary: l10n.t('How the AWS CLI shows the output of its help commands.'),
      reader: 'cli',
      link: `${cliFiles}cli_help_output`,
    },
    cli_history: {
      summary: l10n.t('Whether AWS CLI version 2 records the commands you run, for `aws history`.'),
      reader: 'cli',
      link: `${cliFiles}cli_history`,
      values: [
        { value: 'enabled', summary: l10n.t('Record commands.') },
        { value: 'disabled', summary: l10n.t('Record nothing (the default).') },
      ],
    },
    cli_follow_urlparam: {
      summary: l10n.t('Whether AWS CLI version 1 fetches parameters given as http:// or https:// URLs and uses what it downloads.'),
      reader: 'cli',
      link: `${cliFiles}cli_follow_urlparam`,
      values: flag(l10n.t('Fetch URL parameters (the default).'), l10n.t('Take URLs as plain strings.')),
    },
    // written by common tools
    include_profile: tool(l10n.t('Written by aws-vault for itself: another profile whose settings this one takes.')),
    parent_profile: tool(l10n.t('Written by aws-vault (older versions) for itself: another profile whose settings this one takes.')),
    web_identity_token_process: tool(
      l10n.t('Written by aws-vault for itself: a command that prints the web identity token to assume role_arn with.'),
    ),
    session_tags: tool(l10n.t('Written by aws-vault for itself: session tags to pass when assuming the role.')),
    transitive_session_tags: tool(l10n.t('Written by aws-vault for itself: the session tags that carry over to chained roles.')),
    source_identity: tool(l10n.t('Written by aws-vault for itself: the source identity to set when assuming the role.')),
    mfa_process: tool(l10n.t('Written by aws-vault for itself: a command that prints the MFA code.')),
    granted_sso_start_url: tool(l10n.t('Written by Granted for itself: the AWS access portal URL it signs in with.')),
    granted_sso_region: tool(l10n.t('Written by Granted for itself: the Region of the IAM Identity Center instance.')),
    granted_sso_account_id: tool(l10n.t('Written by Granted for itself: the account it gets credentials for.')),
    granted_sso_account_name: tool(l10n.t('Written by Granted for itself: the name of that account.')),
    granted_sso_role_name: tool(l10n.t('Written by Granted for itself: the role it gets credentials for.')),
    granted_generated_from: tool(l10n.t('Written by Granted for itself: which sign-in generated the profile.')),
    common_fate_generated_from: tool(l10n.t('Written by Granted (Common Fate) for itself: which sign-in generated the profile.')),
    x_principal_arn: tool(l10n.t('Written by saml2aws for itself: the ARN of the principal the credentials are for.')),
    x_security_token_expires: tool(l10n.t('Written by saml2aws for itself: when the credentials expire.')),
    toolkit_artifact_guid: tool(l10n.t('Written by the AWS Toolkit for itself: an ID of the profile.')),
    aws_session_expiration: tool(l10n.t('Written by credential tools for itself: when the session credentials expire.')),
    aws_credential_expiration: tool(l10n.t('Written by credential tools for itself: when the credentials expire.')),
    aws_expiration: tool(l10n.t('Written by credential tools for itself: when the credentials expire.')),
    expiration: tool(l10n.t('Written by credential tools for itself: when the credentials expire.')),
  };
}

/** The doc of a known key, or undefined for a key outside knownKeys (and keys of sub-sections). */
export function keyDoc(key: string): KeyDoc | undefined {
  const all = docs();
  return Object.hasOwn(all, key) ? all[key] : undefined;
}

/** Every key with a doc, for the test that holds this file and knownKeys equal. */
export function documentedKeys(): readonly string[] {
  return Object.keys(docs());
}

/** The doc of one value of a closed set, when `value` is one of them. */
export function valueDoc(key: string, value: string): ValueDoc | undefined {
  return keyDoc(key)?.values?.find((candidate) => candidate.value === value);
}

/** A key's doc as Markdown (the summaries are written as Markdown): what it does, then where AWS documents it. */
export function keyMarkdown(doc: KeyDoc): string {
  return doc.link ? `${doc.summary}\n\n${l10n.t('[AWS documentation]({0})', doc.link)}` : doc.summary;
}
