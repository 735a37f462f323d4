import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commandId, commandTitles, contextKeys, settingIds, viewIds, walkthroughId, type CommandName } from '../../src/manifest';
import { root } from '../host/install';

interface WalkthroughStep {
  readonly id: string;
  readonly description: string;
  readonly media: { readonly image: string; readonly altText: string };
  readonly completionEvents: readonly string[];
}

interface Manifest {
  readonly name: string;
  readonly publisher: string;
  readonly extensionKind: readonly string[];
  readonly contributes: {
    readonly walkthroughs: readonly { readonly id: string; readonly steps: readonly WalkthroughStep[] }[];
    readonly commands: readonly { readonly command: string; readonly title: string; readonly category: string }[];
    readonly views: Readonly<Record<string, readonly { readonly id: string }[]>>;
    readonly viewsWelcome: readonly { readonly contents: string }[];
    readonly menus: Readonly<Record<string, readonly { readonly command: string }[]>>;
    readonly configuration: { readonly properties: Readonly<Record<string, unknown>> };
  };
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

const contributedCommands = new Set(Object.keys(commandTitles).map((name) => commandId(name as CommandName)));

function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1] ?? '');
}

describe('manifest: the typed ids and package.json agree', () => {
  it('names every contributed command, with its title and the AWS category, and no other', () => {
    const contributed = manifest.contributes.commands.map(({ command, title, category }) => [command, title, category]);
    const typed = Object.entries(commandTitles).map(([name, title]) => [commandId(name as CommandName), title, 'AWS']);
    assert.deepEqual(contributed, typed);
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
    const inMenus = Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((entry) => entry.command));
    const inWelcome = manifest.contributes.viewsWelcome.flatMap((entry) => commandLinks(entry.contents));
    assert.ok(inWelcome.length > 0);
    assert.deepEqual(
      [...inMenus, ...inWelcome].filter((command) => !contributedCommands.has(command as never)),
      [],
    );
  });
});

describe('manifest: the Getting Started walkthrough', () => {
  const [walkthrough, ...others] = manifest.contributes.walkthroughs;
  const steps = walkthrough?.steps ?? [];

  it('is one walkthrough, the one the first activation opens', () => {
    assert.equal(others.length, 0);
    assert.equal(walkthroughId, `${manifest.publisher}.${manifest.name}#${walkthrough?.id ?? ''}`);
  });

  it('follows the guide: a profile, connect, the Explorer, the editor, each with a button', () => {
    assert.deepEqual(
      steps.map((step) => step.id),
      ['addProfile', 'connect', 'seeResources', 'fixProfile'],
    );
    for (const step of steps) {
      assert.ok(commandLinks(step.description).length > 0, `step ${step.id} has no button`);
    }
  });

  it('links only to commands it contributes, or to the focus command VS Code makes for its views', () => {
    const focusCommands = new Set(Object.values(viewIds).map((view) => `${view}.focus`));
    const links = steps.flatMap((step) => commandLinks(step.description));
    assert.deepEqual(
      links.filter((command) => !contributedCommands.has(command as never) && !focusCommands.has(command)),
      [],
    );
  });

  it('completes each step on a real event: a contributed command, view or context key, never a click on the step alone', () => {
    const known = new Set([
      ...[...contributedCommands].map((command) => `onCommand:${command}`),
      ...Object.values(viewIds).map((view) => `onView:${view}`),
      ...Object.values(contextKeys).map((key) => `onContext:${key}`),
    ]);
    assert.deepEqual(
      steps.map((step) => [step.id, step.completionEvents.filter((event) => !known.has(event))]),
      steps.map((step) => [step.id, []]),
    );
    assert.deepEqual(
      steps.filter((step) => step.completionEvents.length === 0).map((step) => step.id),
      [],
    );
  });

  it('shows on every step an image that exists, has a text for screen readers and ships in the .vsix', () => {
    // vsce itself lists what the package holds, from .vscodeignore.
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const shipped = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n');
    for (const { id, media } of steps) {
      assert.match(media.image, /^media\/walkthrough\/[\w-]+\.png$/, `step ${id}`);
      assert.ok(existsSync(path.join(root, media.image)), `${media.image} is missing`);
      assert.ok(shipped.includes(media.image), `${media.image} is not in the .vsix`);
      assert.ok(media.altText.length > 20, `step ${id} has no alt text`);
    }
  });
});
