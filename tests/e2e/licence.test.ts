import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from './site';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** CamVid's frames are named after their sequences: 0001TP_006690.png, Seq05VD_f00000.png... */
const CAMVID_FRAME = /(0001TP|0006R0|0016E5|Seq05VD)_/i;

describe('the built site and CamVid', () => {
  it('carries no CamVid data (images, labels, shards or manifests), even when it was imported into public/data', () => {
    expect(existsSync(join(DIST_DIR, 'index.html'))).toBe(true);
    const files = listFiles(DIST_DIR).map((f) => relative(DIST_DIR, f).split(sep).join('/'));
    const offending = files.filter((f) => CAMVID_FRAME.test(f) || (f.startsWith('data/') && /camvid/i.test(f)));
    // A dataset anywhere else would still carry its source in its manifest.
    const camvidManifests = files.filter((f) => f.endsWith('manifest.json') && /"kind":\s*"camvid"/.test(readFileSync(join(DIST_DIR, f), 'utf8')));
    expect([...offending, ...camvidManifests]).toEqual([]);
    // The check sees the site's own datasets, so an empty listing cannot pass it by accident.
    expect(files.some((f) => f.startsWith('data/synthetic-') && f.endsWith('manifest.json'))).toBe(true);
  });
});
