import * as assert from 'node:assert/strict';
import { isInheritedName, sdkKeepsKey } from '../../../../src/core/ini/builtIns';
import { scanIni } from '../../../../src/core/ini/scan';
import { sdkSections } from '../../../../src/core/ini/sections';
import { sdkReadInMemory } from '../../helpers/sdkFiles';

describe('builtIns: sections named like the properties every object has', () => {
  it('knows, key by key, what the SDK parser does with them: keeps the value, ignores it, fails or breaks', async () => {
    const inherited = Object.getOwnPropertyNames(Object.prototype).filter((name) => name !== '__proto__');
    assert.ok(inherited.every(isInheritedName) && !isInheritedName('dev'));
    const seen = new Set<string>();
    for (const name of inherited) {
      const builtIn = (Object.prototype as Record<string, unknown>)[name] as object;
      const keys = new Set(['region', '__proto__', 'k.sub']);
      for (let holder: object | null = builtIn; holder; holder = Object.getPrototypeOf(holder) as object | null) {
        Object.getOwnPropertyNames(holder).forEach((key) => keys.add(key));
      }
      for (const key of keys) {
        const credentials = `[${name}]\n${key} = v\n[after]\nk = 1\n`;
        const sdk = await sdkReadInMemory({ config: undefined, credentials });
        const sdkDid =
          sdk.replaced.length > 0
            ? 'breaks'
            : sdk.credentialsFile['after'] === undefined
              ? 'fails'
              : sdk.credentialsFile[name]?.[key] === 'v'
                ? 'keeps'
                : 'ignores';
        const scan = scanIni(credentials);
        const rejection = scan.sdkRejection ?? '';
        const weDo = /and fails$/.test(rejection)
          ? 'fails'
          : /relies on$/.test(rejection)
            ? 'breaks'
            : sdkKeepsKey(name, key) && sdkSections('credentials', scan).get(name)?.[key] === 'v'
              ? 'keeps'
              : 'ignores';
        assert.equal(weDo, sdkDid, `[${name}] ${key}`);
        seen.add(sdkDid);
      }
    }
    assert.deepEqual([...seen].sort(), ['breaks', 'fails', 'ignores', 'keeps'], 'each outcome happens');
  });
});
