// Browser end-to-end checks against a running GridFlow server, in Debian's Chromium.
//
//   BASE_URL       server to test               (default http://localhost:18080)
//   E2E_OUT        screenshots folder           (default ../backend/target/e2e, relative to frontend/)
//   CHROMIUM_PATH  Chromium binary              (default /usr/bin/chromium)
//   E2E_ONLY       run only scenarios whose file name contains this text
//
// Runs every scenario in e2e/scenarios/ in file-name order; each exports a default async function
// that logs in (fresh session) and walks its path with the helpers of lib.mjs.
// Prints "e2e: N passed, 0 failed" as its last line on success; on the first failure it saves
// failure.png, explains what was expected, prints "e2e: N passed, 1 failed" and exits 1.
//
// Form fields are found through the form schema the app itself loads (GET …/form), so the tests
// follow the deployed Camunda Forms instead of hard-coding their generated field ids.

import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BASE_URL, OUT, UNIQUE, fail, finish, launchBrowser } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.env.E2E_ONLY || '';

async function main() {
  const dir = resolve(here, 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mjs') && f.includes(only))
    .sort();
  console.log(`e2e against ${BASE_URL}, screenshots in ${OUT}, marker ${UNIQUE}, scenarios: ${files.join(', ')}`);
  await launchBrowser();
  for (const file of files) {
    console.log(`# ${file}`);
    const scenario = (await import(pathToFileURL(resolve(dir, file)).href)).default;
    await scenario();
  }
  await finish();
}

main().catch((error) => fail('e2e runner', error));
