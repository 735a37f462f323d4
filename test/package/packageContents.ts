/**
 * What the packaged .vsix must hold: exactly the files a user's VS Code reads. That is the bundles,
 * every file the manifest names (icons, grammars, walkthrough media), the images the README shows
 * (VS Code's extension page reads them from the installed folder), the files the code loads by name,
 * the localisation bundles, README, CHANGELOG, LICENSE and the manifest; nothing else.
 */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/** The panel's webview files: the code names them, the manifest does not. */
const loadedByCode = ['media/addConnection.js', 'media/addConnection.css'];

/** The files vsce adds or renames: its own manifest, and README, CHANGELOG and LICENSE under its names. */
const vsceFiles = [
  'extension.vsixmanifest',
  '[Content_Types].xml',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
];

/** Every string of the manifest that names a file of the project, relative to it, without `./`. */
export function manifestFiles(manifest: unknown, isFile: (relative: string) => boolean): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const relative = path.posix.normalize(value);
      if (/^[\w-][\w./-]*\.\w+$/.test(relative) && !relative.startsWith('..') && isFile(relative)) {
        found.add(relative);
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(manifest);
  return [...found].sort();
}

/** The relative images of a Markdown text (`![alt](path)` and `<img src="path">`). */
export function markdownImages(markdown: string): string[] {
  const links = [
    ...[...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)].map((match) => match[1] ?? ''),
    ...[...markdown.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((match) => match[1] ?? ''),
  ];
  return [...new Set(links.filter((link) => !/^(\w+:|#|\/)/.test(link)).map((link) => path.posix.normalize(link)))].sort();
}

export interface Expected {
  /** Paths inside the .vsix that must be there. */
  readonly required: readonly string[];
  /** Further paths that may be there: the lazy chunks the build makes. */
  readonly optional: RegExp;
}

/** What the .vsix of the project at `root` must hold, from its manifest, its README and its localisation files. */
export function expectedContents(root: string, manifest: unknown, readme: string): Expected {
  const isFile = (relative: string): boolean => existsSync(path.join(root, relative));
  const localisation = [
    ...readdirSync(root).filter((name) => /^package\.nls(\.[\w-]+)?\.json$/.test(name)),
    ...(isFile('l10n') ? readdirSync(path.join(root, 'l10n')).map((name) => `l10n/${name}`) : []),
  ];
  const files = new Set(['package.json', ...manifestFiles(manifest, isFile), ...markdownImages(readme), ...loadedByCode, ...localisation]);
  return {
    required: [...vsceFiles, ...[...files].sort().map((file) => `extension/${file}`)],
    optional: /^extension\/dist\/lazy\/[\w-]+\.js$/,
  };
}

/** The entries the .vsix should not hold, and those it lacks. */
export function contentProblems(entries: readonly string[], expected: Expected): { unexpected: string[]; missing: string[] } {
  return {
    unexpected: entries.filter((entry) => !expected.required.includes(entry) && !expected.optional.test(entry)),
    missing: expected.required.filter((entry) => !entries.includes(entry)),
  };
}

/** The file names of a zip archive, from its central directory (no unzip tool needed). */
export function zipEntries(bytes: Buffer): string[] {
  const entries: string[] = [];
  const endOfDirectory = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) {
    throw new Error('not a zip archive: it has no central directory');
  }
  let offset = bytes.readUInt32LE(endOfDirectory + 16);
  while (offset + 46 <= bytes.length && bytes.readUInt32LE(offset) === 0x02014b50) {
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
