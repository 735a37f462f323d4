import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { root } from '../host/install';

interface Manifest {
  readonly contributes: { readonly configuration: { readonly properties: Readonly<Record<string, unknown>> } };
}

/** The text of a README section, from its `## ` heading to the next one; undefined when there is none. */
function section(markdown: string, heading: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) {
    return undefined;
  }
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The settings a Settings section leaves out, and the settings it names that do not exist. */
function settingsProblems(settingsSection: string, keys: readonly string[]): { undocumented: string[]; unknown: string[] } {
  const named = new Set([...settingsSection.matchAll(/`(awsCredentialManager\.[\w.]+)`/g)].map((match) => match[1]));
  return {
    undocumented: keys.filter((key) => !named.has(key)),
    unknown: [...named].filter((key): key is string => key !== undefined && !keys.includes(key)),
  };
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const keys = Object.keys(manifest.contributes.configuration.properties);

describe('README: every setting documented', () => {
  it('finds the section by its heading, and says which settings it lacks or names wrongly', () => {
    const readme = '# X\n## Settings\n| `awsCredentialManager.a.b` | on |\n## Use\n`awsCredentialManager.c`\n';
    const settings = section(readme, 'Settings') ?? '';
    assert.deepEqual(settingsProblems(settings, ['awsCredentialManager.a.b', 'awsCredentialManager.c']), {
      undocumented: ['awsCredentialManager.c'],
      unknown: [],
    });
    assert.deepEqual(settingsProblems('`awsCredentialManager.gone`', []), { undocumented: [], unknown: ['awsCredentialManager.gone'] });
    assert.equal(section('## Settingsish\n', 'Settings'), undefined);
  });

  it("names each setting of package.json in the README's Settings section, and no other", () => {
    const settings = section(readFileSync(path.join(root, 'README.md'), 'utf8'), 'Settings');
    assert.ok(settings !== undefined, 'README.md has no "## Settings" section');
    assert.deepEqual(settingsProblems(settings, keys), { undocumented: [], unknown: [] });
  });
});
