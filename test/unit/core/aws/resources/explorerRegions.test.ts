import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  moveStoredRegions,
  readRegionSetting,
  regionChoices,
  regionSettingProblem,
  regionsAfterChoice,
} from '../../../../../src/core/aws/resources/explorerRegions';
import { knownRegions } from '../../../../../src/core/profiles/regions';
import { exampleUser } from '../../../../fixtures/awsEndpoint';

describe('explorerRegions: the setting of the regions the AWS Explorer shows', () => {
  describe('readRegionSetting', () => {
    it('keeps the region codes in their order, once each, including regions newer than the known list', () => {
      assert.deepEqual(readRegionSetting(['eu-west-1', 'us-east-2', 'eu-west-1', 'xx-future-9']), {
        regions: ['eu-west-1', 'us-east-2', 'xx-future-9'],
        ignored: [],
      });
      assert.deepEqual(readRegionSetting(undefined), { regions: [], ignored: [] });
    });

    it('leaves out what a hand edit may put there, and says what', () => {
      assert.deepEqual(readRegionSetting(['us-east1', 3, null, 'eu-west-1']), {
        regions: ['eu-west-1'],
        ignored: ['"us-east1"', 'a number', 'null'],
      });
      assert.deepEqual(readRegionSetting('eu-west-1').regions, []);
      assert.match(readRegionSetting('eu-west-1').ignored[0] ?? '', /a string where a list of region codes belongs/);
    });

    it('never quotes a secret pasted into the setting', () => {
      const { ignored } = readRegionSetting([exampleUser.secretAccessKey]);
      assert.equal(ignored.length, 1);
      assert.ok(!ignored[0]?.includes(exampleUser.secretAccessKey.slice(0, 12)), ignored[0]);
    });

    it('describes the problem with the setting, its fix, and nothing when all is well', () => {
      const problem = regionSettingProblem('awsCredentialManager.explorer.regions', readRegionSetting(['us-east1']));
      assert.match(problem ?? '', /^The setting awsCredentialManager.explorer.regions holds "us-east1", which the AWS Explorer leaves out/);
      assert.match(problem ?? '', /region code such as eu-west-1/);
      assert.equal(regionSettingProblem('x', readRegionSetting(['eu-west-1'])), undefined);
    });
  });

  describe('regionChoices and regionsAfterChoice (AWS: Show or Hide Regions)', () => {
    it('lists every known region, and the added and own regions it does not know, sorted, with the picked ones ticked', () => {
      const choices = regionChoices(['eu-west-1', 'xx-future-9'], 'us-east-1');
      assert.deepEqual(
        choices.map((choice) => choice.region),
        [...knownRegions, 'xx-future-9'].sort(),
      );
      assert.deepEqual(
        choices.filter((choice) => choice.picked).map((choice) => choice.region),
        ['eu-west-1', 'us-east-1', 'xx-future-9'],
      );
      assert.deepEqual(
        choices.filter((choice) => choice.own).map((choice) => choice.region),
        ['us-east-1'],
      );
    });

    it('keeps the order of the regions kept, adds new ones after them, and never adds the own region', () => {
      assert.deepEqual(regionsAfterChoice(['eu-west-2', 'ap-south-1'], ['ap-south-1', 'eu-west-1', 'us-east-1'], 'us-east-1'), [
        'ap-south-1',
        'eu-west-1',
      ]);
    });

    it("keeps the own region in the setting when it was there, ticked or not (another profile's region may need it)", () => {
      assert.deepEqual(regionsAfterChoice(['us-east-1', 'eu-west-1'], ['eu-west-1'], 'us-east-1'), ['us-east-1', 'eu-west-1']);
      assert.deepEqual(regionsAfterChoice(['us-east-1'], [], undefined), []);
    });

    it('saves exactly the ticked rows when not connected, for any setting and choice', () => {
      const region = fc.constantFrom(...knownRegions);
      fc.assert(
        fc.property(fc.uniqueArray(region), fc.uniqueArray(region), (previous, chosen) => {
          const saved = regionsAfterChoice(previous, chosen, undefined);
          assert.deepEqual([...saved].sort(), [...chosen].sort());
          assert.deepEqual(
            saved.filter((entry) => previous.includes(entry)),
            previous.filter((entry) => chosen.includes(entry)),
          );
        }),
      );
    });
  });

  describe('moveStoredRegions (global state of earlier versions, into the user setting)', () => {
    it('adds the stored regions after those the setting has, keeping every entry the user wrote', () => {
      assert.deepEqual(moveStoredRegions(['ap-south-1', 'typo'], ['eu-west-1', 'ap-south-1']), {
        kind: 'write',
        value: ['ap-south-1', 'typo', 'eu-west-1'],
      });
      assert.deepEqual(moveStoredRegions(undefined, ['eu-west-1']), { kind: 'write', value: ['eu-west-1'] });
    });

    it('only forgets the state when the setting has them all, or the state holds no region', () => {
      assert.deepEqual(moveStoredRegions(['eu-west-1'], ['eu-west-1']), { kind: 'forget' });
      assert.deepEqual(moveStoredRegions(['eu-west-1'], []), { kind: 'forget' });
      assert.deepEqual(moveStoredRegions(undefined, 'not a list'), { kind: 'forget' });
    });

    it('waits, writing nothing, while the user setting is not a list', () => {
      const move = moveStoredRegions('eu-west-1', ['ap-south-1']);
      assert.equal(move.kind, 'wait');
      assert.match(move.kind === 'wait' ? move.reason : '', /holds a string, not a list/);
    });

    it('loses no region of either side and adds none, for any setting and state', () => {
      const region = fc.constantFrom(...knownRegions);
      fc.assert(
        fc.property(fc.uniqueArray(region), fc.array(region), (setting, stored) => {
          const move = moveStoredRegions(setting, stored);
          const after = move.kind === 'write' ? move.value : setting;
          assert.deepEqual(after.slice(0, setting.length), setting);
          assert.deepEqual(new Set(after), new Set([...setting, ...stored]));
          assert.equal(new Set(after).size, after.length);
        }),
      );
    });
  });
});
