/**
 * The secrets audit inside VS Code, run after the flows that type and connect with secrets (mocha
 * runs the UI test files in name order): nothing VS Code keeps for the extension, its memento,
 * webview state, logs and backups, nor any file beside the two AWS files holds a secret of the run.
 */
import * as assert from 'node:assert/strict';
import { exampleUser } from '../fixtures/awsEndpoint';
import { SecretSearch } from '../fixtures/secrets';
import { ui } from './session';

describe('the secrets audit in VS Code', () => {
  it('finds no secret of the run in anything VS Code stored or the extension wrote beside the AWS files', async () => {
    const { endpoint, page, storedTexts } = ui();
    const search = new SecretSearch();
    const issued = endpoint.state.keys.flatMap((key) => [key.secretAccessKey, key.sessionToken ?? '']).filter((secret) => secret !== '');
    for (const secret of issued) {
      search.add(secret);
    }
    assert.ok(issued.includes(exampleUser.secretAccessKey));
    assert.ok(issued.length > 2, 'the run issued temporary keys, so the audit searches for them too');
    // The browser workbench keeps the memento (globalState), webview state and the rest of its
    // storage in the page's IndexedDB, not on disk.
    const stored = await page.evaluate<{ file: string; text: string }[]>(browserStorage);
    assert.ok(
      stored.some(({ file, text }) => file.includes('global') && text.includes('awsCredentialManager')),
      `the memento is among them (databases: ${[...new Set(stored.map(({ file }) => file.split('/')[0]))].join(', ')})`,
    );
    const texts = [...storedTexts(), ...stored];
    const found = texts.flatMap(({ file, text }) => {
      const secret = search.find(text);
      return secret === undefined ? [] : [`${file} holds a piece of a secret of ${secret.length} characters`];
    });
    assert.deepEqual(found, []);
  });
});

/** Every record of every IndexedDB database of the page, as text: evaluated in the browser (the tests have no DOM types). */
const browserStorage = `(async () => {
  const request = (call) => new Promise((resolve, reject) => {
    call.onsuccess = () => resolve(call.result);
    call.onerror = () => reject(call.error);
  });
  const texts = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const database = await request(indexedDB.open(name));
    for (const store of Array.from(database.objectStoreNames)) {
      const transaction = database.transaction(store, 'readonly');
      const keys = await request(transaction.objectStore(store).getAllKeys());
      const values = await request(transaction.objectStore(store).getAll());
      texts.push({ file: name + '/' + store, text: JSON.stringify({ keys, values }) });
    }
    database.close();
  }
  return texts;
})()`;
