import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { knownRegions, regionCodePattern } from '../../src/core/profiles/regions';
import {
  commandId,
  commandTitles,
  contextKeys,
  extensionId,
  settingIds,
  viewIds,
  walkthroughId,
  type CommandName,
} from '../../src/manifest';
import { root } from '../host/install';

interface Setting {
  readonly type: string;
  readonly scope?: string;
  readonly default?: unknown;
  readonly uniqueItems?: boolean;
  readonly items?: { readonly pattern?: string; readonly examples?: readonly string[]; readonly enum?: readonly string[] };
}

interface WalkthroughStep {
  readonly id: string;
  readonly description: string;
  readonly media: { readonly image: string; readonly altText: string };
  readonly completionEvents: readonly string[];
}

interface Manifest {
  readonly name: string;
  readonly publisher: string;
  readonly license: string;
  readonly categories: readonly string[];
  readonly keywords: readonly string[];
  readonly galleryBanner: { readonly color: string; readonly theme: string };
  readonly repository?: unknown;
  readonly scripts: Readonly<Record<string, string>>;
  readonly extensionKind: readonly string[];
  readonly contributes: {
    readonly walkthroughs: readonly { readonly id: string; readonly steps: readonly WalkthroughStep[] }[];
    readonly commands: readonly { readonly command: string; readonly title: string; readonly category: string }[];
    readonly views: Readonly<Record<string, readonly { readonly id: string }[]>>;
    readonly viewsWelcome: readonly { readonly contents: string }[];
    readonly menus: Readonly<Record<string, readonly { readonly command: string }[]>>;
    readonly configuration: { readonly properties: Readonly<Record<string, Setting>> };
  };
}

const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const texts = JSON.parse(read('package.nls.json')) as Record<string, string>;
/** package.json as VS Code shows it in English: each %key% replaced by its text in package.nls.json. */
const manifest = JSON.parse(read('package.json'), (_key, value: unknown) =>
  typeof value === 'string' && /^%[^%]+%$/.test(value) ? (texts[value.slice(1, -1)] ?? value) : value,
) as Manifest;

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
    const inMenus = Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((entry) => entry.command));
    const inWelcome = manifest.contributes.viewsWelcome.flatMap((entry) => commandLinks(entry.contents));
    assert.ok(inWelcome.length > 0);
    assert.deepEqual(
      [...inMenus, ...inWelcome].filter((command) => !contributedCommands.has(command as never)),
      [],
    );
  });

  it("gives the Explorer's regions setting the region rule of the code, without refusing a region newer than the known list", () => {
    const setting = manifest.contributes.configuration.properties[settingIds.explorerRegions];
    assert.equal(setting?.type, 'array');
    assert.equal(setting.uniqueItems, true);
    assert.deepEqual(setting.default, []);
    assert.equal(setting.items?.pattern, regionCodePattern.source);
    assert.equal(setting.items.enum, undefined, 'an enum would mark new regions as wrong');
    assert.deepEqual(setting.items.examples, knownRegions);
  });

  it('lets Settings Sync carry every setting: none is bound to one machine', () => {
    const machineBound = Object.entries(manifest.contributes.configuration.properties).filter(([, setting]) =>
      ['machine', 'machine-overridable'].includes(setting.scope ?? ''),
    );
    assert.deepEqual(machineBound, []);
  });
});

/** The Marketplace's categories (Open VSX takes the same); any other is refused on publishing. */
const marketplaceCategories = [
  'AI',
  'Azure',
  'Chat',
  'Data Science',
  'Debuggers',
  'Education',
  'Extension Packs',
  'Formatters',
  'Keymaps',
  'Language Packs',
  'Linters',
  'Machine Learning',
  'Notebooks',
  'Other',
  'Programming Languages',
  'SCM Providers',
  'Snippets',
  'Testing',
  'Themes',
  'Visualization',
];

describe('manifest: ready for the Marketplace and Open VSX', () => {
  it('has categories the Marketplace knows, not only Other, and at most 30 distinct keywords', () => {
    assert.deepEqual(
      manifest.categories.filter((category) => !marketplaceCategories.includes(category)),
      [],
    );
    assert.ok(manifest.categories.some((category) => category !== 'Other'));
    assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30, `${manifest.keywords.length} keywords`);
    assert.equal(new Set(manifest.keywords.map((keyword) => keyword.toLowerCase())).size, manifest.keywords.length);
  });

  it("has a gallery banner in the icon's background colour, with the theme its text needs", () => {
    // media/icon.png's background is #232F3E, dark: the Marketplace then writes the banner's text in white.
    assert.deepEqual(manifest.galleryBanner, { color: '#232F3E', theme: 'dark' });
  });

  it('ships the licence it names', () => {
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(path.join(root, 'LICENSE'), 'utf8'), /^MIT License\n/);
  });

  it('packages whether a repository is named or not: without one, vsce is told so and leaves the README links alone', () => {
    // No public repository exists yet: vsce would refuse a relative image it has no repository to rewrite
    // to, so the images ship in the .vsix, where VS Code's extension page reads them.
    const flags = /--allow-missing-repository\b.*--no-rewrite-relative-links\b/;
    assert.ok(manifest.repository !== undefined || flags.test(manifest.scripts.package ?? ''), manifest.scripts.package);
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
