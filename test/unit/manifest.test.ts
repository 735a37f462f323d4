import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commandId, commandTitles, extensionId, settingIds, viewIds, type CommandName } from '../../src/manifest';
import { root } from '../host/install';

interface Manifest {
  readonly publisher: string;
  readonly name: string;
  readonly extensionKind: readonly string[];
  readonly contributes: {
    readonly commands: readonly { readonly command: string; readonly title: string; readonly category: string }[];
    readonly views: Readonly<Record<string, readonly { readonly id: string }[]>>;
    readonly viewsWelcome: readonly { readonly contents: string }[];
    readonly menus: Readonly<Record<string, readonly { readonly command: string }[]>>;
    readonly configuration: { readonly properties: Readonly<Record<string, unknown>> };
  };
}

const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const texts = JSON.parse(read('package.nls.json')) as Record<string, string>;
/** package.json as VS Code shows it in English: each %key% replaced by its text in package.nls.json. */
const manifest = JSON.parse(read('package.json'), (_key, value: unknown) =>
  typeof value === 'string' && /^%[^%]+%$/.test(value) ? (texts[value.slice(1, -1)] ?? value) : value,
) as Manifest;

describe('manifest: the typed ids and package.json agree', () => {
  it('names every contributed command, with its title and the AWS category, and no other', () => {
    const contributed = manifest.contributes.commands.map(({ command, title, category }) => [command, title, category]);
    const typed = Object.entries(commandTitles).map(([name, title]) => [commandId(name as CommandName), title, 'AWS']);
    assert.deepEqual(contributed, typed);
  });

  it("is named as VS Code names it (commandTitle reads the titles in the user's language through this id)", () => {
    assert.equal(extensionId, `${manifest.publisher}.${manifest.name}`);
  });

  it('runs where the workspace runs, as the AWS files and the AWS CLI of its terminals do', () => {
    // Over Remote - SSH, in a container or a codespace, ~/.aws is the remote machine's, not the laptop's.
    assert.deepEqual(manifest.extensionKind, ['workspace']);
  });

  it('knows every view and setting', () => {
    const views = Object.values(manifest.contributes.views).flatMap((list) => list.map((view) => view.id));
    assert.deepEqual(views.sort(), Object.values(viewIds).sort());
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties), Object.values(settingIds));
  });

  it('refers, in menus and welcome views, only to commands it contributes', () => {
    const known = new Set(Object.keys(commandTitles).map((name) => commandId(name as CommandName)));
    const inMenus = Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((entry) => entry.command));
    const inWelcome = manifest.contributes.viewsWelcome.flatMap((entry) =>
      [...entry.contents.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1] ?? ''),
    );
    assert.ok(inWelcome.length > 0);
    assert.deepEqual(
      [...inMenus, ...inWelcome].filter((command) => !known.has(command as never)),
      [],
    );
  });
});
