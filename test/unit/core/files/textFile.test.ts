import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs, statSync, writeSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { FileError } from '../../../../src/core/files/fileError';
import { replaceTextFile } from '../../../../src/core/files/replace';
import { maxFileBytes, readFileLeniently, readTextFile, waitUntilSettled } from '../../../../src/core/files/textFile';
import { exists, fakeSecret, listing, modeOf, refusal } from '../../helpers/files';
import { useTempFolder } from '../../helpers/sdkFiles';

async function withUmask<T>(mask: number, run: () => Promise<T>): Promise<T> {
  const previous = process.umask(mask);
  try {
    return await run();
  } finally {
    process.umask(previous);
  }
}

describe('textFile', () => {
  const scratch = useTempFolder();

  describe('readTextFile', () => {
    it('gives undefined for a missing file', async () => {
      assert.equal(await readTextFile(path.join(scratch.path, 'missing')), undefined);
    });

    it('gives undefined for a file in a missing folder', async () => {
      assert.equal(await readTextFile(path.join(scratch.path, 'no', 'such', 'file')), undefined);
    });

    it('refuses bytes that are not UTF-8 with reason notUtf8', async () => {
      const file = path.join(scratch.path, 'config');
      await fs.writeFile(file, Buffer.from([0x5b, 0xff, 0x5d]));
      await refusal(readTextFile(file), 'notUtf8');
    });

    it('refuses a Latin-1 file (a lone 0xe9) with reason notUtf8', async () => {
      const file = path.join(scratch.path, 'config');
      await fs.writeFile(file, Buffer.concat([Buffer.from('[caf', 'latin1'), Buffer.from([0xe9]), Buffer.from(']\n', 'latin1')]));
      await refusal(readTextFile(file), 'notUtf8');
    });

    it('returns a BOM and CRLF line endings byte-exact', async () => {
      const file = path.join(scratch.path, 'config');
      const bytes = Buffer.from('\uFEFF[default]\r\nregion = eu-west-1\r\n\r\n# caf\u00e9\r\n', 'utf8');
      await fs.writeFile(file, bytes);
      const text = await readTextFile(file);
      assert.ok(text !== undefined);
      assert.equal(text.charCodeAt(0), 0xfeff);
      assert.equal(text, '\uFEFF[default]\r\nregion = eu-west-1\r\n\r\n# caf\u00e9\r\n');
      assert.ok(Buffer.from(text, 'utf8').equals(bytes));
    });

    it('reads an empty file as the empty string', async () => {
      const file = path.join(scratch.path, 'config');
      await fs.writeFile(file, '');
      assert.equal(await readTextFile(file), '');
    });

    it('never puts the file text in its error message', async () => {
      const file = path.join(scratch.path, 'credentials');
      await fs.writeFile(
        file,
        Buffer.concat([Buffer.from(`[default]\naws_secret_access_key = ${fakeSecret}\n`, 'utf8'), Buffer.from([0xff])]),
      );
      const error = await refusal(readTextFile(file), 'notUtf8');
      assert.ok(!error.message.includes(fakeSecret));
      assert.ok(!error.message.includes('aws_secret_access_key'));
    });
  });

  describe('files that are not regular files, or too large', () => {
    it('refuses a FIFO by its type, without waiting for a writer', async () => {
      const fifo = path.join(scratch.path, 'config');
      execFileSync('mkfifo', [fifo]);
      assert.match((await refusal(readTextFile(fifo), 'notAFile')).message, /named pipe \(FIFO\)/);
      assert.deepEqual(await readFileLeniently(fifo), { text: undefined, readError: 'it is a named pipe (FIFO), not a file' });
      await refusal(replaceTextFile(fifo, '', 'x'), 'notAFile');
    });

    it('refuses a device behind a symbolic link (/dev/zero) without reading it', async () => {
      const link = path.join(scratch.path, 'credentials');
      await fs.symlink('/dev/zero', link);
      assert.equal((await readFileLeniently(link)).readError, 'it is a device, not a file');
      await refusal(readTextFile(link), 'notAFile');
      await refusal(replaceTextFile(link, '', 'x'), 'notAFile');
    });

    it('refuses a socket', async () => {
      const socket = path.join(scratch.path, 'config');
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(socket, resolve));
      try {
        assert.match((await readFileLeniently(socket)).readError ?? '', /socket/);
        await refusal(readTextFile(socket), 'notAFile');
      } finally {
        server.close();
      }
    });

    it(`refuses a file over ${maxFileBytes / 2 ** 20} MB before reading it, and reads one of exactly that size`, async () => {
      const file = path.join(scratch.path, 'config');
      await fs.writeFile(file, '');
      await fs.truncate(file, maxFileBytes + 1);
      const error = await refusal(readTextFile(file), 'tooLarge');
      assert.match(error.message, /10\.0 MB, more than the 10 MB/);
      assert.match((await readFileLeniently(file)).readError ?? '', /more than the 10 MB/);
      await fs.truncate(file, maxFileBytes);
      assert.equal((await readTextFile(file))?.length, maxFileBytes);
    });

    it('names a symbolic link that loops', async () => {
      const link = path.join(scratch.path, 'config');
      await fs.symlink('config', link);
      assert.equal((await readFileLeniently(link)).readError, 'it is a symbolic link that points to itself');
      await refusal(replaceTextFile(link, undefined, 'x'), 'notAFile');
    });
  });

  describe('a file another program is still writing', () => {
    it('is waited for until it has been quiet for a moment before it is shown (waitUntilSettled)', async () => {
      const file = path.join(scratch.path, 'config');
      const handle = await fs.open(file, 'w');
      await handle.write('[default]\n');
      const waiting = waitUntilSettled(file);
      // 40 ms later the writer goes on. Waited for by spinning, not by a timer: on a loaded machine a
      // timer can fire after the wait's own, so the wait would see the file quiet before this write
      // and the test would fail for a reason of its own. Spinning, nothing of the wait runs meanwhile.
      const resumeAt = Date.now() + 40;
      while (Date.now() < resumeAt) {
        // The writer is busy elsewhere.
      }
      writeSync(handle.fd, 'region = eu-west-1\n');
      const lastWrite = statSync(file).mtimeMs;
      await waiting;
      await handle.close();
      const quietFor = Date.now() - lastWrite;
      assert.ok(quietFor >= 100, `it returned while the file was still being written (quiet for ${quietFor} ms)`);
      await waitUntilSettled(path.join(scratch.path, 'missing'));
    });

    it('is read once the writer has finished, not half-written', async () => {
      const file = path.join(scratch.path, 'credentials');
      const whole = `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${fakeSecret}\n`;
      const handle = await fs.open(file, 'w');
      await handle.write(whole.slice(0, 20));
      const reading = readTextFile(file);
      await new Promise((resolve) => setTimeout(resolve, 40));
      await handle.write(whole.slice(20));
      await handle.close();
      assert.equal(await reading, whole);
    });
  });

  describe('replaceTextFile', () => {
    describe('creating a new file', () => {
      for (const mask of [0o022, 0o077, 0o000]) {
        it(`creates the file 0600 and new folders 0700 with umask ${mask.toString(8).padStart(3, '0')}`, async () => {
          const folder = path.join(scratch.path, 'home', '.aws');
          const file = path.join(folder, 'credentials');
          const text = '# header\n\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n';
          await withUmask(mask, () => replaceTextFile(file, undefined, text));
          assert.equal(await modeOf(file), 0o600);
          assert.equal(await modeOf(folder), 0o700);
          assert.equal(await modeOf(path.join(scratch.path, 'home')), 0o700);
          assert.ok((await fs.stat(file)).isFile());
          assert.ok((await fs.readFile(file)).equals(Buffer.from(text, 'utf8')));
          assert.deepEqual(await listing(folder), ['credentials']);
        });
      }

      it('keeps a BOM, CRLF and non-ASCII text exact', async () => {
        const file = path.join(scratch.path, 'config');
        const text = '\uFEFF[profile caf\u00e9]\r\nregion = eu-west-1\r\n';
        await replaceTextFile(file, undefined, text);
        assert.ok((await fs.readFile(file)).equals(Buffer.from(text, 'utf8')));
        assert.equal(await readTextFile(file), text);
      });

      it('leaves an existing folder mode alone', async () => {
        const folder = path.join(scratch.path, 'shared');
        await fs.mkdir(folder);
        await fs.chmod(folder, 0o755);
        await replaceTextFile(path.join(folder, 'config'), undefined, 'x\n');
        assert.equal(await modeOf(folder), 0o755);
        assert.equal(await modeOf(path.join(folder, 'config')), 0o600);
      });
    });

    describe('replacing an existing file', () => {
      it('keeps its mode, writes the exact content and leaves no temporary file', async () => {
        const file = path.join(scratch.path, 'config');
        await fs.writeFile(file, 'old text\n');
        await fs.chmod(file, 0o640);
        const after = '[default]\r\nregion = us-east-1\r\n';
        await replaceTextFile(file, 'old text\n', after);
        assert.equal(await modeOf(file), 0o640);
        assert.ok((await fs.readFile(file)).equals(Buffer.from(after, 'utf8')));
        assert.deepEqual(await listing(scratch.path), ['config']);
      });

      for (const mode of [0o600, 0o644, 0o664, 0o660]) {
        it(`keeps mode ${mode.toString(8)}`, async () => {
          const file = path.join(scratch.path, 'credentials');
          await fs.writeFile(file, 'a');
          await fs.chmod(file, mode);
          await replaceTextFile(file, 'a', 'b');
          assert.equal(await modeOf(file), mode);
          assert.equal(await fs.readFile(file, 'utf8'), 'b');
        });
      }

      it('can empty a file', async () => {
        const file = path.join(scratch.path, 'config');
        await fs.writeFile(file, 'something\n');
        await replaceTextFile(file, 'something\n', '');
        assert.equal(await fs.readFile(file, 'utf8'), '');
      });

      it('replaces atomically by rename: new inode, while an open descriptor still reads the old text', async () => {
        const file = path.join(scratch.path, 'config');
        await fs.writeFile(file, 'old content\n');
        const inodeBefore = (await fs.stat(file)).ino;
        const handle = await fs.open(file, 'r');
        try {
          await replaceTextFile(file, 'old content\n', 'new content, longer than before\n');
          const inodeAfter = (await fs.stat(file)).ino;
          assert.notEqual(inodeAfter, inodeBefore);
          const buffer = Buffer.alloc(64);
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
          assert.equal(buffer.subarray(0, bytesRead).toString('utf8'), 'old content\n');
        } finally {
          await handle.close();
        }
        assert.equal(await fs.readFile(file, 'utf8'), 'new content, longer than before\n');
        assert.deepEqual(await listing(scratch.path), ['config']);
      });
    });

    describe('symbolic links', () => {
      it('writes through an absolute link to the target, and the link stays a link', async () => {
        const realFolder = path.join(scratch.path, 'real');
        await fs.mkdir(realFolder);
        const target = path.join(realFolder, 'config');
        await fs.writeFile(target, 'old\n');
        await fs.chmod(target, 0o640);
        const link = path.join(scratch.path, 'config-link');
        await fs.symlink(target, link);

        await replaceTextFile(link, 'old\n', 'new\n');

        assert.ok((await fs.lstat(link)).isSymbolicLink());
        assert.equal(await fs.readlink(link), target);
        assert.equal(await fs.readFile(target, 'utf8'), 'new\n');
        assert.equal(await modeOf(target), 0o640);
        assert.equal(await readTextFile(link), 'new\n');
        assert.deepEqual(await listing(scratch.path), ['config-link', 'real']);
        assert.deepEqual(await listing(realFolder), ['config']);
      });

      it('follows a relative link in another folder', async () => {
        const a = path.join(scratch.path, 'a');
        const b = path.join(scratch.path, 'b');
        await fs.mkdir(a);
        await fs.mkdir(b);
        const target = path.join(a, 'credentials');
        await fs.writeFile(target, 'before\n');
        const link = path.join(b, 'credentials');
        await fs.symlink(path.join('..', 'a', 'credentials'), link);

        await replaceTextFile(link, 'before\n', 'after\n');

        assert.ok((await fs.lstat(link)).isSymbolicLink());
        assert.equal(await fs.readlink(link), path.join('..', 'a', 'credentials'));
        assert.equal(await fs.readFile(target, 'utf8'), 'after\n');
        assert.deepEqual(await listing(a), ['credentials']);
        assert.deepEqual(await listing(b), ['credentials']);
      });

      it('follows a chain of links', async () => {
        const target = path.join(scratch.path, 'target');
        await fs.writeFile(target, '1');
        await fs.symlink('target', path.join(scratch.path, 'second'));
        await fs.symlink(path.join(scratch.path, 'second'), path.join(scratch.path, 'first'));

        await replaceTextFile(path.join(scratch.path, 'first'), '1', '2');

        assert.ok((await fs.lstat(path.join(scratch.path, 'first'))).isSymbolicLink());
        assert.ok((await fs.lstat(path.join(scratch.path, 'second'))).isSymbolicLink());
        assert.equal(await fs.readFile(target, 'utf8'), '2');
      });

      it('refuses a dangling link, naming its target, and creates neither the target nor its folder', async () => {
        const target = path.join(scratch.path, 'elsewhere', 'config');
        const link = path.join(scratch.path, 'config');
        await fs.symlink(target, link);
        const read = await refusal(readTextFile(link), 'notAFile');
        assert.match(read.message, /symbolic link to .*elsewhere\/config, which does not exist/);

        const write = await refusal(replaceTextFile(link, undefined, '[default]\n'), 'notAFile');
        assert.match(write.message, /which does not exist/);
        assert.equal(await fs.readlink(link), target);
        assert.equal(await exists(path.join(scratch.path, 'elsewhere')), false);
        assert.deepEqual(await listing(scratch.path), ['config']);
      });

      it('refuses a link that loops and creates nothing', async () => {
        await fs.symlink('loop-b', path.join(scratch.path, 'loop-a'));
        await fs.symlink('loop-a', path.join(scratch.path, 'loop-b'));
        let caught: unknown;
        try {
          await replaceTextFile(path.join(scratch.path, 'loop-a'), undefined, 'x');
        } catch (error) {
          caught = error;
        }
        assert.ok(caught instanceof FileError);
        assert.deepEqual(await listing(scratch.path), ['loop-a', 'loop-b']);
        assert.ok((await fs.lstat(path.join(scratch.path, 'loop-a'))).isSymbolicLink());
      });
    });

    describe('refusals', () => {
      it('refuses with reason changed when the file no longer holds the text read, and leaves it untouched', async () => {
        const file = path.join(scratch.path, 'config');
        await fs.writeFile(file, 'other');
        const inode = (await fs.stat(file)).ino;
        await refusal(replaceTextFile(file, 'old text', 'new'), 'changed');
        assert.equal(await fs.readFile(file, 'utf8'), 'other');
        assert.equal((await fs.stat(file)).ino, inode);
        assert.deepEqual(await listing(scratch.path), ['config']);
      });

      it('refuses with reason changed when the file differs only by a BOM or line endings', async () => {
        const file = path.join(scratch.path, 'config');
        await fs.writeFile(file, '\uFEFF[default]\r\n');
        await refusal(replaceTextFile(file, '[default]\r\n', 'x'), 'changed');
        await refusal(replaceTextFile(file, '\uFEFF[default]\n', 'x'), 'changed');
        assert.equal(await fs.readFile(file, 'utf8'), '\uFEFF[default]\r\n');
      });

      it('refuses with reason changed to create a file that now exists', async () => {
        const file = path.join(scratch.path, 'credentials');
        await fs.writeFile(file, 'someone else wrote this\n');
        await refusal(replaceTextFile(file, undefined, 'mine\n'), 'changed');
        assert.equal(await fs.readFile(file, 'utf8'), 'someone else wrote this\n');
        assert.deepEqual(await listing(scratch.path), ['credentials']);
      });

      it('refuses with reason changed to replace a file that was deleted', async () => {
        const file = path.join(scratch.path, 'credentials');
        await refusal(replaceTextFile(file, 'old\n', 'new\n'), 'changed');
        assert.equal(await exists(file), false);
        assert.deepEqual(await listing(scratch.path), []);
      });

      it('refuses a read-only (0444) file with reason readOnly and leaves it unchanged', async () => {
        const file = path.join(scratch.path, 'config');
        await fs.writeFile(file, 'locked\n');
        await fs.chmod(file, 0o444);
        const inode = (await fs.stat(file)).ino;
        await refusal(replaceTextFile(file, 'locked\n', 'unlocked\n'), 'readOnly');
        assert.equal(await fs.readFile(file, 'utf8'), 'locked\n');
        assert.equal(await modeOf(file), 0o444);
        assert.equal((await fs.stat(file)).ino, inode);
        assert.deepEqual(await listing(scratch.path), ['config']);
      });

      it('refuses a read-only target behind a symbolic link', async () => {
        const target = path.join(scratch.path, 'target');
        await fs.writeFile(target, 'locked\n');
        await fs.chmod(target, 0o444);
        await fs.symlink('target', path.join(scratch.path, 'link'));
        await refusal(replaceTextFile(path.join(scratch.path, 'link'), 'locked\n', 'unlocked\n'), 'readOnly');
        assert.equal(await fs.readFile(target, 'utf8'), 'locked\n');
        assert.ok((await fs.lstat(path.join(scratch.path, 'link'))).isSymbolicLink());
      });

      for (const before of [undefined, 'text']) {
        it(`refuses a folder at the path (before ${before === undefined ? 'undefined' : 'a text'}) and creates nothing`, async () => {
          const folder = path.join(scratch.path, 'config');
          await fs.mkdir(folder);
          await refusal(replaceTextFile(folder, before, 'x'), 'notAFile');
          assert.ok((await fs.lstat(folder)).isDirectory());
          assert.deepEqual(await listing(folder), []);
          assert.deepEqual(await listing(scratch.path), ['config']);
        });
      }

      it('reading a folder at the path is refused too', async () => {
        const folder = path.join(scratch.path, 'config');
        await fs.mkdir(folder);
        await refusal(readTextFile(folder), 'notAFile');
      });

      it('never puts the file text, nor the texts given, in its error messages', async () => {
        const file = path.join(scratch.path, 'credentials');
        const onDisk = `[default]\naws_secret_access_key = ${fakeSecret}\n`;
        await fs.writeFile(file, onDisk);

        const messages: string[] = [];
        messages.push((await refusal(replaceTextFile(file, undefined, `x = ${fakeSecret}`), 'changed')).message);
        messages.push((await refusal(replaceTextFile(file, `old ${fakeSecret}`, `new ${fakeSecret}`), 'changed')).message);
        await fs.chmod(file, 0o444);
        messages.push((await refusal(replaceTextFile(file, onDisk, `new ${fakeSecret}`), 'readOnly')).message);

        const folder = path.join(scratch.path, 'folder');
        await fs.mkdir(folder);
        messages.push((await refusal(replaceTextFile(folder, undefined, `new ${fakeSecret}`), 'notAFile')).message);

        for (const message of messages) {
          assert.ok(message.length > 0);
          assert.ok(!message.includes(fakeSecret), `message leaks the secret: ${message}`);
          assert.ok(!message.includes('aws_secret_access_key'), `message leaks file text: ${message}`);
        }
        assert.equal(await fs.readFile(file, 'utf8'), onDisk);
      });
    });
  });
});
