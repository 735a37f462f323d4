import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { witnessRename } from '../../../../src/core/files/renameWitness';
import { useTempFolder } from '../../helpers/sdkFiles';

describe('witnessRename: another program renaming onto a file just before this process does', () => {
  const scratch = useTempFolder();
  let target: string;
  let temporary: string;

  beforeEach(async () => {
    target = path.join(scratch.path, 'credentials');
    temporary = path.join(scratch.path, '.credentials.1.0123456789abcdef.tmp');
    await fs.writeFile(target, 'old\n');
    await fs.writeFile(temporary, 'mine\n');
  });

  it('sees a rename onto the target that came before ours', async () => {
    await fs.writeFile(path.join(scratch.path, 'credentials.saving'), 'theirs\n');
    const witness = witnessRename(target, temporary);
    await fs.rename(path.join(scratch.path, 'credentials.saving'), target);
    await fs.rename(temporary, target);
    assert.equal(await witness.overwritten(), true);
  });

  it('sees nothing when only our rename, and renames of other files, happened', async () => {
    await fs.writeFile(path.join(scratch.path, 'config.saving'), 'x\n');
    const witness = witnessRename(target, temporary);
    await fs.rename(path.join(scratch.path, 'config.saving'), path.join(scratch.path, 'config'));
    await fs.appendFile(target, 'in place: the handle check sees these\n');
    await fs.rename(temporary, target);
    assert.equal(await witness.overwritten(), false);
  });

  it('does not count a rename onto the target that came after ours', async () => {
    await fs.writeFile(path.join(scratch.path, 'credentials.saving'), 'theirs, later\n');
    const witness = witnessRename(target, temporary);
    await fs.rename(temporary, target);
    await fs.rename(path.join(scratch.path, 'credentials.saving'), target);
    assert.equal(await witness.overwritten(), false);
  });

  it('cannot tell, and stops watching, when closed before any rename', async () => {
    const witness = witnessRename(target, temporary);
    witness.close();
    assert.equal(await witness.overwritten(), undefined);
  });
});
