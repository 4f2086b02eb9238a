// Installs isr-runtime's Node dev dependencies (miniflare, which brings workerd) exactly as
// package-lock.json pins them, and only when needed: `npm ci` when node_modules is missing or
// older than the lock file. npm records a finished install in node_modules/.package-lock.json,
// so its time stamp tells whether node_modules matches the lock. Unlike `npm install`, `npm ci`
// never rewrites the committed lock file. Run by Maven before `node --test` (see pom.xml).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const moduleRoot = new URL('../../../../', import.meta.url);

function modifiedAt(path) {
  try {
    return statSync(new URL(path, moduleRoot)).mtimeMs;
  } catch {
    return null;
  }
}

const installed = modifiedAt('node_modules/.package-lock.json');
if (installed !== null && installed >= modifiedAt('package-lock.json')) {
  process.exit(0);
}
console.log('isr-runtime: node_modules missing or older than package-lock.json; running npm ci');
const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
  cwd: fileURLToPath(moduleRoot),
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(npm.status ?? 1);
