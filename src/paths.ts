import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, found by walking up from this module to our package.json. Code runs both from src/
 * (tests, through vitest) and from dist/src/ (the built command), so fixed relative paths would differ.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'offer-triage') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('offer-triage: cannot find the project root (package.json)');
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot();
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
export const SAMPLES_DIR = path.join(PROJECT_ROOT, 'samples');
