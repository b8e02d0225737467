/**
 * A picked .zip opens into the files it holds: a zipped folder keeps its top folder, loose
 * entries get the zip's name as one, folders and empty entries are left out, other picked
 * files pass through, and a file that is no zip is named. The opened files import like the
 * folder they came from (tests/e2e/own-dataset.test.ts imports a real zip in the page).
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandZips, filesOfZip } from '../../../../src/data/browser-import/zip-files';
import type { PickedFile } from '../../../../src/data/browser-import';

const picked = (path: string, bytes: Uint8Array): PickedFile => ({ path, blob: new Blob([bytes.slice().buffer]) });
const text = async (f: PickedFile): Promise<string> => new TextDecoder().decode(new Uint8Array(await f.blob.arrayBuffer()));

describe('filesOfZip', () => {
  it('keeps a zipped folder\'s own top folder and the bytes of each file', async () => {
    const zip = zipSync({ 'CamVid/train.txt': strToU8('a b'), 'CamVid/train/': new Uint8Array(0), 'CamVid/train/0001.png': strToU8('png bytes') });
    const files = await filesOfZip(picked('downloads/camvid-small.zip', zip));
    expect(files.map((f) => f.path).sort()).toEqual(['CamVid/train.txt', 'CamVid/train/0001.png']);
    expect(await text(files.find((f) => f.path === 'CamVid/train/0001.png')!)).toBe('png bytes');
  });

  it('leaves out a Mac zip\'s __MACOSX/ folder and dot-files, so the folder stays the top one', async () => {
    const zip = zipSync({ 'CamVid/train.txt': strToU8('a b'), '__MACOSX/CamVid/._train.txt': strToU8('mac'), 'CamVid/.DS_Store': strToU8('x') });
    const files = await filesOfZip(picked('CamVid.zip', zip));
    expect(files.map((f) => f.path)).toEqual(['CamVid/train.txt']);
  });

  it('puts entries with no shared top folder under the zip\'s name', async () => {
    const zip = zipSync({ 'train.txt': strToU8('x'), 'train/0001.png': strToU8('p') });
    const files = await filesOfZip(picked('My Streets.ZIP', zip));
    expect(files.map((f) => f.path).sort()).toEqual(['My Streets/train.txt', 'My Streets/train/0001.png']);
  });

  it('names a file that is not a readable zip, and a zip with no files', async () => {
    await expect(filesOfZip(picked('broken.zip', strToU8('this is not a zip')))).rejects.toThrow(/^broken\.zip is not a readable \.zip/);
    await expect(filesOfZip(picked('empty.zip', zipSync({ 'folder/': new Uint8Array(0) })))).rejects.toThrow('empty.zip holds no files');
  });
});

describe('expandZips', () => {
  it('opens each zip in place and passes other files through', async () => {
    const plain = picked('cv/val.txt', strToU8('v'));
    const files = await expandZips([plain, picked('more.zip', zipSync({ 'more/train.txt': strToU8('t') }))]);
    expect(files.map((f) => f.path)).toEqual(['cv/val.txt', 'more/train.txt']);
    expect(files[0]).toBe(plain);
  });

  it('returns a copy of the list when there is no zip', async () => {
    const list = [picked('a/b.png', strToU8('b'))];
    const out = await expandZips(list);
    expect(out).toEqual(list);
    expect(out).not.toBe(list);
  });
});
