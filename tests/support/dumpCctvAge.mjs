// Writes the C2SP CCTV age test vectors shipped in the `cctv-age` npm package to a directory, two
// files per vector: <name>.txt (the vector's textual header: "key: value" lines) and <name>.age (the
// age file itself, zlib-inflated when the vector says "compressed: zlib"). Prints the vector count.
//
// Usage: node dumpCctvAge.mjs <path to node_modules/cctv-age> <output directory>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

const [packageDir, outDir] = process.argv.slice(2);
if (!packageDir || !outDir) {
  console.error('usage: node dumpCctvAge.mjs <cctv-age package dir> <output dir>');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const vectors = await import(pathToFileURL(join(packageDir, pkg.main ?? 'index.js')).href);
mkdirSync(outDir, { recursive: true });

let count = 0;
for (const [name, bytes] of Object.entries(vectors)) {
  if (name === 'default' || !(bytes instanceof Uint8Array))
    continue;
  const buffer = Buffer.from(bytes);
  const separator = buffer.indexOf('\n\n');
  if (separator < 0)
    throw new Error(`vector ${name} has no blank line between its header and the age file`);
  const header = buffer.subarray(0, separator + 1).toString('utf8');
  let body = buffer.subarray(separator + 2);
  if (/^compressed: zlib$/m.test(header))
    body = inflateSync(body);
  else if (/^compressed: /m.test(header))
    throw new Error(`vector ${name} uses an unknown compression`);
  writeFileSync(join(outDir, `${name}.txt`), header);
  writeFileSync(join(outDir, `${name}.age`), body);
  ++count;
}
console.log(count);
