/**
 * The panel's IAM Credential option: the keys are checked with STS, each error shown next to its
 * field, then the profile is written through the profile service and the extension connects.
 */
import { formErrors } from '../../addConnection/formChecks';
import { rejectedMessage } from '../../addConnection/messages';
import type { HostMessage, IamCredentialForm } from '../../addConnection/protocol';
import { addConnectionForm as form, keysFrom, saveKeysEdit } from '../../core/profiles/iamKeys';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import { connectedOutcome } from './connected';

/** The code that checks the keys with STS. */
const keyCheckCode = () => import('../../core/aws/identity.js');
export const warmKeyCheckCode = () => keyCheckCode().then(({ warmUpCallerIdentity }) => warmUpCallerIdentity());

export async function submitIamCredential(
  fields: IamCredentialForm,
  post: (message: HostMessage) => void,
  profiles: ProfileService,
  connection: ConnectionService,
): Promise<HostMessage> {
  const errors = formErrors(fields);
  if (Object.keys(errors).length > 0) {
    return { type: 'rejected', errors };
  }
  post({ type: 'checking' });
  const keys = keysFrom(fields);
  const { verifyKeys } = await keyCheckCode();
  const verified = await verifyKeys(keys, await connection.network.route(fields.profileName));
  if (!verified.valid) {
    // When AWS cannot answer, this form refuses (form.whenAwsCannotAnswer): nothing offers to save anyway.
    return rejectedMessage(verified.problem);
  }
  // The keys of a profile that exists are updated (the form said so before Continue).
  const exists = (await profiles.upToDate()).reports.some((report) => report.profile.name === fields.profileName);
  await profiles.edit(saveKeysEdit(form, fields.profileName, keys, exists));
  return connectedOutcome(connection, fields.profileName);
}
