/** Settings every kind of profile may have: the region and duration_seconds. */
import * as l10n from '@vscode/l10n';
import { sessionTokenSeconds, takesMfaSession } from '../../profiles/mfaSession';
import { profileKind, type RawSettings } from '../../profiles/model';
import { isHostLabel, isRegionCode, knownRegions } from '../../profiles/regions';
import { quotedValue } from '../../secrets';
import { closestMatch } from '../didYouMean';
import { error, partOf, warning, withCode, type KeyLocator, type Problem } from '../problems';

/** The longest role session AssumeRole gives (a role's maximum session duration can be set up to this). */
const roleSessionMaxSeconds = 43_200;

export function settingProblems(settings: RawSettings, at: KeyLocator): Problem[] {
  const problems: Problem[] = [];
  const region = settings['region'];
  if (region !== undefined && !isRegionCode(region)) {
    const suggestion = closestMatch(region, knownRegions);
    const fix = suggestion ? l10n.t('Did you mean {0}?', suggestion) : l10n.t('Use a region code such as us-east-1 or eu-west-2.');
    const shown = quotedValue('region', region);
    const where = partOf(at('region'), 'value');
    const problem = isHostLabel(region)
      ? warning(l10n.t('region {0} does not look like an AWS region code', shown), fix, where)
      : error(l10n.t('region {0} is not a valid region: the AWS SDK refuses it', shown), fix, where);
    problems.push(suggestion ? withCode(problem, 'regionTypo') : problem);
  }
  const duration = settings['duration_seconds'];
  if (duration === undefined) {
    return problems;
  }
  // An IAM user's MFA session (GetSessionToken) may last 36 hours; a role session (AssumeRole) 12 at most.
  const mfaSession = takesMfaSession({ kind: profileKind(settings).kind, mfaSerial: settings['mfa_serial'] });
  const max = mfaSession ? sessionTokenSeconds.max : roleSessionMaxSeconds;
  if (!/^\d+$/.test(duration) || Number(duration) < sessionTokenSeconds.min || Number(duration) > max) {
    problems.push(
      warning(
        l10n.t('duration_seconds must be a whole number of seconds from {0} to {1}', sessionTokenSeconds.min, max),
        l10n.t('Use 3600 for one hour.'),
        partOf(at('duration_seconds'), 'value'),
      ),
    );
  }
  return problems;
}
