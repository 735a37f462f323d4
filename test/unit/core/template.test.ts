import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { slots, template } from '../../../src/core/template';

describe('template', () => {
  it('fills a text worded with its slots as l10n.t would format it', () => {
    const text = 'line {0} sets {1} twice (first on line {2})';
    const filled = template(l10n.t(text, ...slots));
    assert.equal(filled(7, 'region', 3), l10n.t(text, 7, 'region', 3));
    assert.equal(filled(8, 'output', 1), 'line 8 sets output twice (first on line 1)');
  });

  it('follows a translation that puts the placeholders in another order, and keeps one without a value', () => {
    assert.equal(template('{1} vor {0}, {0} nach {3}')('a', 'b'), 'b vor a, a nach {3}');
    assert.equal(template('no placeholder')(), 'no placeholder');
  });
});
