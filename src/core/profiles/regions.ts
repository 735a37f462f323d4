/** AWS regions: the public ones, what a region code looks like, and the one used when a profile names none. */

/** The region of calls for a profile that names none. */
export const defaultRegion = 'us-east-1';

/**
 * What every AWS region code looks like (`us-east-1`, `eu-central-2`, `us-gov-west-1`). The setting
 * awsCredentialManager.explorer.regions gives the same pattern to settings.json (a unit test holds them equal).
 */
export const regionCodePattern = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

export function isRegionCode(value: string): boolean {
  return regionCodePattern.test(value);
}

/** A value the SDK can put in a host name as a region: anything else makes it refuse the profile. */
export function isHostLabel(value: string): boolean {
  return /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(value);
}

/** Public AWS regions, for pickers and for suggestions when a region looks mistyped. */
export const knownRegions: readonly string[] = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'cn-north-1',
  'cn-northwest-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eusc-de-east-1',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
];
