import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the built site and CamVid', () => {
  it('carries no CamVid data, even when it was imported into public/data', () => {
    expect(existsSync('dist')).toBe(true);
    const offending = listFiles('dist').filter((f) => /camvid-\d+x\d+|(0001TP|0006R0|0016E5|Seq05VD)_/i.test(f));
    expect(offending).toEqual([]);
  });
});
