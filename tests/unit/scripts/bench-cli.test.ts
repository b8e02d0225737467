/** `npm run bench` with a flag it does not know: one line naming it, no stack trace. A real subprocess. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run bench (scripts/bench.ts)', () => {
  it('refuses an unknown flag with one line that names it, and exit status 2', () => {
    const result = spawnSync('node', ['--import', 'tsx', 'scripts/bench.ts', '--sizez', '96x128'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^bench: unknown option --sizez; known: --json, --backends, --sizes/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
