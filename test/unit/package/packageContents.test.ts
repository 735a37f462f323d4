import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { contentProblems, expectedContents, manifestFiles, markdownImages } from '../../package/packageContents';
import { root } from '../../host/install';

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as unknown;
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('packageContents: what the .vsix must hold, and nothing else', () => {
  it('finds every file the manifest names, however deep (icons, grammars, walkthrough media), and no other string', () => {
    const files = new Set([
      'dist/extension.js',
      'media/icon.png',
      'media/walkthrough/connect.md',
      'media/walkthrough/connect.png',
      'media/dark.svg',
    ]);
    const named = manifestFiles(
      {
        main: './dist/extension.js',
        icon: 'media/icon.png',
        description: 'Reads ~/.aws/config.',
        contributes: {
          commands: [{ icon: '$(plug)' }, { icon: { light: 'media/gone.svg', dark: './media/dark.svg' } }],
          walkthroughs: [{ steps: [{ media: { image: 'media/walkthrough/connect.png', markdown: 'media/walkthrough/connect.md' } }] }],
        },
      },
      (file) => files.has(file),
    );
    assert.deepEqual(named, [...files].sort());
  });

  it("takes the README's relative images, not its web links", () => {
    const markdown =
      '![a](media/one.png)\n![b](./media/two.png "title")\n![c](https://example.com/x.png)\n<img src="media/three.png">\n[link](media/not-an-image.md)';
    assert.deepEqual(markdownImages(markdown), ['media/one.png', 'media/three.png', 'media/two.png']);
  });

  it('requires the bundle, the manifest, its media, the README images and the panel files of this project', () => {
    const { required } = expectedContents(root, manifest, readme);
    for (const entry of [
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/media/icon.png',
      'extension/media/aws.svg',
      'extension/media/addConnection.js',
      'extension/syntaxes/aws-config.tmLanguage.json',
      'extension/readme.md',
      'extension/LICENSE.txt',
      ...markdownImages(readme).map((image) => `extension/${image}`),
    ]) {
      assert.ok(required.includes(entry), `${entry} is required`);
    }
    assert.ok(markdownImages(readme).length > 0, 'the README shows pictures');
  });

  it('fails a package with a file that does not ship, or without one the README shows', () => {
    const expected = expectedContents(root, manifest, readme);
    const good = [...expected.required, 'extension/dist/lazy/lambda.js'];
    assert.deepEqual(contentProblems(good, expected), { unexpected: [], missing: [] });
    const image = `extension/${markdownImages(readme)[0] ?? ''}`;
    const bad = [
      ...good.filter((entry) => entry !== image),
      'extension/src/extension.ts',
      'extension/media/unused.png',
      'extension/dist/meta.json',
    ];
    assert.deepEqual(contentProblems(bad, expected), {
      unexpected: ['extension/src/extension.ts', 'extension/media/unused.png', 'extension/dist/meta.json'],
      missing: [image],
    });
  });
});
