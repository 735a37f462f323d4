// Fails unless the .vsix holds exactly what a user needs (the bundles, media, README, CHANGELOG,
// LICENSE and the manifest) and the activation bundle holds no package code, so the AWS SDK is
// never loaded on activation. Reads the zip's central directory, so it needs no unzip tool.
import { readFileSync } from 'node:fs';

const meta = JSON.parse(readFileSync('dist/meta.json', 'utf8'));
const activationInputs = Object.keys(meta.outputs['dist/extension.js']?.inputs ?? {});
const packaged = activationInputs.filter((input) => input.includes('node_modules'));
if (activationInputs.length === 0 || packaged.length > 0) {
  console.error(`dist/extension.js must hold only the project's own code; it holds: ${packaged.join(', ') || 'nothing'}`);
  process.exit(1);
}

const vsix = process.argv[2];
const bytes = readFileSync(vsix);
const entries = [];
const endOfDirectory = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
let offset = bytes.readUInt32LE(endOfDirectory + 16);
while (bytes.readUInt32LE(offset) === 0x02014b50) {
  const nameLength = bytes.readUInt16LE(offset + 28);
  const extraLength = bytes.readUInt16LE(offset + 30);
  const commentLength = bytes.readUInt16LE(offset + 32);
  entries.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
  offset += 46 + nameLength + extraLength + commentLength;
}

const allowed = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls\.json$/,
  /^extension\/l10n\/bundle\.l10n\.json$/,
  /^extension\/(readme\.md|changelog\.md|LICENSE\.txt|LICENSE)$/i,
  /^extension\/dist\/extension\.js$/,
  /^extension\/dist\/lazy\/[\w-]+\.js$/,
  /^extension\/media\/[\w.-]+$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
];
const required = [
  'extension/dist/extension.js',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/l10n/bundle.l10n.json',
  'extension/media/icon.png',
  'extension/media/addConnection.js',
  'extension/media/addConnection.css',
];
const unexpected = entries.filter((entry) => !allowed.some((pattern) => pattern.test(entry)));
const missing = required.filter((entry) => !entries.includes(entry));
const bundle = entries.includes('extension/dist/extension.js');
if (unexpected.length > 0 || missing.length > 0 || !bundle) {
  console.error(`${vsix} is not right.\nUnexpected: ${unexpected.join(', ') || 'none'}\nMissing: ${missing.join(', ') || 'none'}`);
  process.exit(1);
}
console.log(`dist/extension.js: ${activationInputs.length} modules of the project's own, none from node_modules`);
console.log(`${vsix}: ${entries.length} files, ${(bytes.length / 1024).toFixed(1)} KB, all expected:\n  ${entries.join('\n  ')}`);
