import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { entryAbove, entryAt, entryOn, sectionAt, sectionPositionAt } from '../../../../src/core/ini/lookup';
import { scanIni } from '../../../../src/core/ini/scan';
import { iniText } from '../../helpers/iniArbitraries';

describe('ini lookup: the section and the key of a line', () => {
  it('finds by bisection the section a line belongs to, and its key line, as a walk through the sections does (property)', () => {
    fc.assert(
      fc.property(iniText, (text) => {
        const scan = scanIni(text);
        for (let index = 0; index <= scan.lines.length; index++) {
          const walked = scan.sections.find((section) => section.index <= index && index < section.endIndex);
          assert.equal(sectionAt(scan, index), walked);
          const entry = walked?.entries.find((candidate) => candidate.index === index);
          assert.deepEqual(entryAt(scan, index), walked && entry && { section: walked, entry });
        }
      }),
    );
  });

  it('gives no section to lines above the first header, and no key to a header, comment or ignored line', () => {
    const scan = scanIni('stray = 1\n[a]\n# note\nk = v\nno equals\n');
    assert.equal(sectionAt(scan, 0), undefined);
    assert.equal(sectionAt(scan, 1)?.rawName, 'a');
    assert.deepEqual(
      [1, 2, 3, 4].map((index) => entryAt(scan, index)?.entry.name),
      [undefined, undefined, 'k', undefined],
    );
  });
});

describe('ini lookup: within a section', () => {
  it('finds the header above a line, the key line on it and the key line above it, as walks do (property)', () => {
    fc.assert(
      fc.property(iniText, (text) => {
        const scan = scanIni(text);
        for (let index = 0; index <= scan.lines.length; index++) {
          const position = sectionPositionAt(scan, index);
          assert.equal(position, scan.sections.filter((section) => section.index <= index).length - 1);
          const section = scan.sections[position];
          if (section) {
            assert.equal(
              entryOn(section, index),
              section.entries.find((entry) => entry.index === index),
            );
            assert.equal(entryAbove(section, index), section.entries.filter((entry) => entry.index < index).at(-1));
          }
        }
      }),
    );
  });
});
