// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { en } from '../../../../src/i18n/en';
import { zh } from '../../../../src/i18n/zh';
import { readState, withState } from '../../../../src/widgets/shared/url-state';
import { outcomeWords, progressWords, renderStoredList, storageWords } from '../../../../src/widgets/own-data/render';
import { ownDataCodec } from '../../../../src/widgets/own-data/state';

const info = { name: 'own-my-streets', height: 96, width: 128, counts: { train: 3, val: 2, test: 1 }, bytes: 295_000, savedAt: 1 };

describe('own-data render', () => {
  it('renderStoredList(list, infos) writes one item per dataset with a Delete button naming it', () => {
    const ul = document.createElement('ul');
    renderStoredList(ul, [info], en.ownData);
    expect(ul.querySelectorAll('li')).toHaveLength(1);
    expect(ul.querySelector('li span')!.textContent).toBe('own-my-streets: 3 train, 2 val, 96 × 128, 295 kB');
    const button = ul.querySelector('button')!;
    expect([button.dataset.remove, button.getAttribute('aria-label'), button.textContent]).toEqual(['own-my-streets', 'Delete own-my-streets', 'Delete']);
    renderStoredList(ul, [], zh.ownData);
    expect(ul.textContent).toBe('还没有你自己的数据集。');
  });

  it('progressWords and outcomeWords say counts, and name a full quota with its numbers', () => {
    expect(progressWords({ split: 'val', done: 4, total: 6 }, en.ownData)).toBe('4 of 6 pairs stored (now val).');
    expect(progressWords({ split: 'train', done: 1, total: 6 }, zh.ownData)).toBe('已保存 1 / 6 对（当前：训练集）。');
    expect(outcomeWords({ kind: 'done', info }, en.ownData)).toBe('Stored own-my-streets: 3 training and 2 validation pairs. The studio below lists it under Data.');
    expect(outcomeWords({ kind: 'failed', message: 'corrupt PNG: image a/b.png is not a PNG file', full: false }, en.ownData)).toBe(
      'Not imported: corrupt PNG: image a/b.png is not a PNG file. Nothing was stored.',
    );
    expect(outcomeWords({ kind: 'failed', message: 'x', full: { usage: 1_200_000_000, quota: 1_250_000_000 } }, en.ownData)).toBe(
      "Not imported: the browser's storage for this site is full: 1.2 GB of 1.3 GB used. Nothing was stored.",
    );
    expect(outcomeWords({ kind: 'failed', message: 'x', full: null }, zh.ownData)).toContain('浏览器给本站的存储空间已满');
    expect(outcomeWords({ kind: 'cancelled' }, en.ownData)).toBe('Import cancelled: nothing was stored.');
  });

  it('storageWords(estimate, persisted) says used of offered, and whether the browser keeps it', () => {
    expect(storageWords({ usage: 3_400_000, quota: 2_000_000_000 }, false, en.ownData)).toBe(
      'This site holds 3.4 MB of the 2.0 GB this browser offers it. The browser may clear it when the disk runs low.',
    );
    expect(storageWords(null, true, en.ownData)).toBe('This browser does not say how much it stores for this site. The browser will keep it until you delete it.');
    expect(storageWords({ usage: 1000, quota: 1e9 }, null, en.ownData)).toBe('This site holds 1 kB of the 1.0 GB this browser offers it.');
  });

  it('ownDataCodec keeps the stored size in the URL and refuses sizes it does not offer', () => {
    expect(withState('mydata', ownDataCodec, { size: '180x240' }, '')).toBe('?mydata.size=180x240');
    expect(readState('mydata', ownDataCodec, '?mydata.size=999x1')).toEqual({ size: '96x128' });
  });
});
