import * as assert from 'node:assert/strict';
import { GlobalState } from '../../../src/services/globalState';
import { memento } from '../helpers/memento';

describe('GlobalState: what the extension keeps in VS Code', () => {
  it('remembers a connection: its profile first among the recent ones, restored next time, and its account', async () => {
    const stored = memento();
    const state = new GlobalState(stored);
    await state.rememberConnection('dev', '111111111111');
    await state.rememberConnection('prod', '222222222222');
    await state.rememberConnection('dev', '111111111111');
    assert.deepEqual(state.get('recentProfiles'), ['dev', 'prod']);
    assert.equal(state.get('connectedProfile'), 'dev');
    assert.deepEqual(state.get('accounts'), { dev: '111111111111', prod: '222222222222' });
    assert.deepEqual([...stored.keys()].sort(), [
      'awsCredentialManager.accounts',
      'awsCredentialManager.connectedProfile',
      'awsCredentialManager.recentProfiles',
    ]);
  });

  it('does not remember a profile whose name may be a secret', async () => {
    const stored = memento();
    await new GlobalState(stored).rememberConnection('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '111111111111');
    assert.deepEqual(stored.keys(), []);
  });

  it('reads a retired key as an earlier version stored it, under the key it had, and removes it', async () => {
    const stored = memento();
    await stored.update('awsCredentialManager.explorerRegions', ['eu-west-1']);
    const state = new GlobalState(stored);
    assert.deepEqual(state.retired('explorerRegions'), ['eu-west-1']);
    await state.forget('explorerRegions');
    assert.equal(state.retired('explorerRegions'), undefined);
    assert.deepEqual(stored.keys(), []);
  });
});
