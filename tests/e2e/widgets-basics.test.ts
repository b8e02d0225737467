/**
 * The teaching widgets of chapters 2, 4, 5 and 6 in Chromium: each hydrates, each control
 * changes what it draws and the URL, a URL restores a widget, the step players work from the
 * keyboard, instances are independent, and nothing logs an error. pages.test.ts runs axe on every
 * page as it loads; here axe also checks the widgets after they have loaded late and taken a
 * step, in light and dark mode. Run `npm run build` first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { checkVisit, problems, visit, type Visit } from './page-log';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Open a page, run the checks, then require a clean console and network log. */
const withPage = (path: string, check: (page: Page, v: Visit) => Promise<void>, reducedMotion?: 'reduce'): Promise<void> =>
  checkVisit(browser, origin, path, reducedMotion ? { context: { reducedMotion } } : {}, check);

/** The widget's drawing, once it has hydrated. */
async function drawing(page: Page, tag: string): Promise<string> {
  const stage = page.locator(`${tag} [data-part="stage"]`);
  await stage.locator('svg').first().waitFor();
  return stage.innerHTML();
}

/** Apply `change`, then expect the drawing to differ and the URL to contain `query`. */
async function expectRedraw(page: Page, tag: string, change: () => Promise<unknown>, query: string): Promise<void> {
  const before = await drawing(page, tag);
  await change();
  await expect.poll(() => drawing(page, tag)).not.toBe(before);
  await expect.poll(() => decodeURIComponent(new URL(page.url()).search)).toContain(query);
}

const caption = (page: Page, tag: string) => page.locator(`${tag} figcaption`).innerText();
const position = (page: Page, tag: string) => page.locator(`${tag} [data-player="position"]`).innerText();

describe('transposed-conv-stepper (chapter 2)', () => {
  const tag = 'transposed-conv-stepper';

  it('redraws for kernel, stride and input, and says when the overlap is uneven', async () => {
    await withPage('/chapters/fully-convolutional/', async (page) => {
      await drawing(page, tag);
      expect(await caption(page, tag)).toContain('Kernel 3, stride 2: uneven overlap');
      await expectRedraw(page, tag, () => page.locator(`${tag} [data-field="kernel"]`).fill('4'), 'tc.kernel=4');
      expect(await caption(page, tag)).toContain('Kernel 4, stride 2: even overlap');
      await expectRedraw(page, tag, () => page.locator(`${tag} [data-field="stride"]`).fill('3'), 'tc.stride=3');
      await expectRedraw(page, tag, () => page.getByRole('radio', { name: '1 to 9' }).check(), 'tc.input=ramp');
    });
  });

  it('steps and plays from the keyboard', async () => {
    await withPage('/chapters/fully-convolutional/', async (page) => {
      await drawing(page, tag);
      await page.locator(`${tag} [data-player="next"]`).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Space');
      expect(await position(page, tag)).toBe('2 / 9');
      expect(await caption(page, tag)).toContain('Step 2 of 9: input cell (row 0, column 1)');
      const play = page.locator(`${tag} [data-player="play"]`);
      await play.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => play.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => position(page, tag)).not.toBe('2 / 9');
      await page.keyboard.press('Space');
      await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
      const scrub = page.locator(`${tag} [data-player="scrub"]`);
      await scrub.focus();
      await page.keyboard.press('End');
      expect(await position(page, tag)).toBe('9 / 9');
    });
  });

  it('restores its state from the link chapter 6 gives', async () => {
    await withPage('/chapters/atrous/', async (page) => {
      await page.getByRole('link', { name: 'transposed-convolution stepper with kernel 3 and stride 1' }).click();
      await page.waitForURL(/fully-convolutional/);
      await drawing(page, tag);
      expect(await page.locator(`${tag} [data-field="kernel"]`).inputValue()).toBe('3');
      expect(await page.locator(`${tag} [data-field="stride"]`).inputValue()).toBe('1');
      expect(await caption(page, tag)).toContain('Kernel 3, stride 1: even overlap. 3 is a multiple of 1, so away from the border every output cell receives 9 stamps.');
      expect(await caption(page, tag)).toContain('On this 3 × 3 input only the centre cell is that far in');
      // The link lands at the widget, not at the top of the chapter.
      await expect.poll(() => page.locator(tag).evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(200);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    });
  });
});

describe('checkerboard-demo (chapter 2)', () => {
  const tag = 'checkerboard-demo';

  it('redraws for kernel, stride, input and method, measures the unevenness, and restores from the URL', async () => {
    await withPage('/chapters/fully-convolutional/', async (page) => {
      await drawing(page, tag);
      expect(await caption(page, tag)).toContain('output pixels receive 1 to 4 kernel taps');
      expect(await caption(page, tag)).toMatch(/differ on average by \d+ % of the mean value after the transposed convolution, and by 0 % after the nearest resize/);
      const kernel = page.locator(`${tag} [data-field="kernel"]`);
      await expectRedraw(page, tag, async () => {
        await kernel.focus();
        await page.keyboard.press('ArrowRight');
      }, 'checker.kernel=4');
      expect(await caption(page, tag)).toContain('4 is a multiple of 2, so every output pixel inside the outline receives 4 kernel taps');
      await expectRedraw(page, tag, () => page.locator(`${tag} [data-field="stride"]`).fill('3'), 'checker.stride=3');
      await expectRedraw(page, tag, () => page.getByRole('radio', { name: 'smooth ramp' }).check(), 'checker.input=smooth');
      await expectRedraw(page, tag, () => page.getByRole('radio', { name: 'bilinear' }).check(), 'checker.method=bilinear');
      expect(await caption(page, tag)).toContain('after the bilinear resize and the convolution');
    });
    await withPage('/chapters/fully-convolutional/?checker.kernel=1&checker.stride=2', async (page) => {
      await drawing(page, tag);
      expect(await caption(page, tag)).toContain('the stride is longer than the kernel, so 85 of the 121 pixels inside the outline receive no tap at all');
    });
  });
});

describe('pooling-stepper and translation-demo (chapter 4)', () => {
  const tag = 'pooling-stepper';

  it('steps through windows, recording 2-bit indices, and redraws for a new example', async () => {
    await withPage('/chapters/encoder-stage/', async (page) => {
      await drawing(page, tag);
      await expectRedraw(page, tag, () => page.locator(`${tag} [data-player="next"]`).click(), 'pool.step=1');
      expect(await caption(page, tag)).toMatch(/^Window 1 of 16 covers input rows 0–1, columns 0–1: .* bits [01]{2}\./);
      await expectRedraw(page, tag, () => page.locator(`${tag} [data-field="seed"]`).fill('12'), 'pool.seed=12');
      await expectRedraw(page, tag, () => page.getByRole('radio', { name: '6 × 6' }).check(), 'pool.size=6');
      expect(await position(page, tag)).toBe('1 / 9');
    });
  });

  it('switches from 8 × 8 past step 9 to 6 × 6 without an error, at the last 6 × 6 step', async () => {
    await withPage('/chapters/encoder-stage/?pool.step=12', async (page) => {
      await drawing(page, tag);
      expect(await position(page, tag)).toBe('12 / 16');
      await expectRedraw(page, tag, () => page.getByRole('radio', { name: '6 × 6' }).check(), 'pool.step=9');
      expect(await position(page, tag)).toBe('9 / 9');
      expect(await caption(page, tag)).toMatch(/^Window 9 of 9/);
    });
  });

  it('restores seed, size and step from the URL', async () => {
    await withPage('/chapters/encoder-stage/?pool.seed=12&pool.size=6&pool.step=9', async (page) => {
      await drawing(page, tag);
      expect(await position(page, tag)).toBe('9 / 9');
      expect(await page.locator(`${tag} [data-field="seed"]`).inputValue()).toBe('12');
      expect(await page.getByRole('radio', { name: '6 × 6' }).isChecked()).toBe(true);
      expect(await caption(page, tag)).toContain('All 9 windows done');
    });
  });

  it('keeps instances apart: a second stepper has its own state and URL fields', async () => {
    await withPage('/chapters/encoder-stage/', async (page) => {
      await drawing(page, tag);
      await page.evaluate(() => {
        const copy = document.querySelector('pooling-stepper')!.cloneNode(true) as HTMLElement;
        copy.dataset.id = 'pool2';
        copy.querySelectorAll<HTMLInputElement>('input[type="radio"]').forEach((r) => (r.name = `pool2-${r.value}`));
        document.querySelector('pooling-stepper')!.after(copy);
      });
      const second = page.locator(tag).nth(1);
      await second.locator('[data-player="next"]').click();
      await second.locator('[data-player="next"]').click();
      expect(await second.locator('[data-player="position"]').innerText()).toBe('2 / 16');
      expect(await page.locator(tag).first().locator('[data-player="position"]').innerText()).toBe('0 / 16');
      expect(new URL(page.url()).search).toBe('?pool2.step=2');
    });
  });

  it('does not play by itself when the reader prefers reduced motion; steps jump', async () => {
    await withPage(
      '/chapters/encoder-stage/',
      async (page) => {
        await drawing(page, tag);
        await page.waitForTimeout(1200);
        expect(await position(page, tag)).toBe('0 / 16');
        await page.locator(`${tag} [data-player="next"]`).click();
        expect(await position(page, tag)).toBe('1 / 16');
      },
      'reduce',
    );
  });

  it('translation-demo: shifts redraw and count changed pooled values; the URL restores a shift', async () => {
    const t = 'translation-demo';
    await withPage('/chapters/encoder-stage/', async (page) => {
      await drawing(page, t);
      expect(await caption(page, t)).toMatch(/^Input shifted 1 pixel right: \d+ of 16 pooled values stay the same in place/);
      await expectRedraw(page, t, () => page.locator(`${t} [data-field="dy"]`).fill('2'), 'shift.dy=2');
      await expectRedraw(page, t, () => page.locator(`${t} [data-field="seed"]`).fill('4'), 'shift.seed=4');
      await page.locator(`${t} [data-part="reset"]`).click();
      expect(await caption(page, t)).toContain('No shift');
    });
    await withPage('/chapters/encoder-stage/?shift.dx=-2&shift.dy=0', async (page) => {
      await drawing(page, t);
      expect(await page.locator(`${t} [data-field="dx"]`).inputValue()).toBe('-2');
      expect(await caption(page, t)).toContain('Input shifted 2 pixels left');
      expect(await caption(page, t)).toContain('A shift by whole windows moves the pooled map with it');
    });
  });
});

describe('unpooling-stepper and memory-calculator (chapter 5)', () => {
  it('unpooling-stepper: places values, then densifies; restores from the URL', async () => {
    const tag = 'unpooling-stepper';
    await withPage('/chapters/unpooling/?unpool.step=16', async (page) => {
      await drawing(page, tag);
      expect(await caption(page, tag)).toContain('The map is complete and sparse');
      await expectRedraw(page, tag, () => page.locator(`${tag} [data-player="next"]`).click(), 'unpool.step=17');
      expect(await caption(page, tag)).toContain('A 3 × 3 blur whose weights add up to 1 fills the gaps');
      await expectRedraw(page, tag, () => page.getByRole('radio', { name: '6 × 6' }).check(), 'unpool.size=6');
      expect(await position(page, tag)).toBe('10 / 10');
    });
  });

  it('memory-calculator: loads its report when scrolled near, and redraws for each control', async () => {
    const tag = 'memory-calculator';
    await withPage('/chapters/unpooling/', async (page) => {
      const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
      const before = await scripts();
      await page.locator(tag).scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator(`${tag} tbody tr`).count(), { timeout: 30_000 }).toBe(5);
      const after = await scripts();
      expect(after.length, 'the report and its model code load only when the widget is near').toBeGreaterThan(before.length);
      expect(await caption(page, tag)).toContain('SegNet’s indices take 918,240 bytes at 2 bits per window, 14,691,840 bytes as this engine holds them');
      await expect.poll(() => page.locator(`${tag} [data-field="multiplier"]`).isDisabled()).toBe(true);
      await expectRedraw(page, tag, () => page.getByRole('radio', { name: 'VGG16' }).check(), 'mem.encoder=vgg16');
      await expect.poll(() => page.locator(`${tag} [data-field="multiplier"]`).isDisabled()).toBe(false);
      await expectRedraw(page, tag, () => page.locator(`${tag} [data-field="multiplier"]`).selectOption('0.25'), 'mem.multiplier=0.25');
      await expectRedraw(page, tag, () => page.locator(`${tag} [data-field="height"]`).fill('96'), 'mem.height=96');
      // A height the calculator cannot use is refused out loud, and the URL keeps the last good one.
      await page.locator(`${tag} [data-field="height"]`).fill('7');
      await expect.poll(() => page.locator(`${tag} [data-part="problem"]`).textContent()).toBe(
        'A height of 7 is not used: VGG16 pools five times, so the height must be at least 32 pixels. Still showing 96.',
      );
      expect(await page.locator(`${tag} [data-field="height"]`).getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).toContain('mem.height=96');
      await page.locator(`${tag} [data-field="height"]`).fill('64');
      await expect.poll(() => page.locator(`${tag} [data-part="problem"]`).isHidden()).toBe(true);
    });
    await withPage('/chapters/unpooling/?mem.width=128&mem.height=96', async (page) => {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await expect.poll(() => caption(page, tag), { timeout: 30_000 }).toContain('SegNet-Basic encoder, 96 × 128 input');
      expect(await page.locator(`${tag} [data-field="width"]`).inputValue()).toBe('128');
    });
  });
});

describe('atrous-explorer (chapter 6)', () => {
  const tag = 'atrous-explorer';

  it('redraws for rate, kernel and stack rates, and restores from the URL', async () => {
    await withPage('/chapters/atrous/', async (page) => {
      await drawing(page, tag);
      expect(await caption(page, tag)).toContain('cover 5 × 5 (k + (k − 1)(r − 1) = 3 + 2 × 1 = 5)');
      const rate = page.locator(`${tag} [data-field="rate"]`);
      await expectRedraw(page, tag, async () => {
        await rate.focus();
        await page.keyboard.press('ArrowRight');
      }, 'atrous.rate=3');
      await expectRedraw(page, tag, () => page.getByRole('radio', { name: '5 × 5' }).check(), 'atrous.kernel=5');
      for (const [field, value] of [['r1', '2'], ['r2', '3'], ['r3', '2']] as const) {
        await expectRedraw(page, tag, () => page.locator(`${tag} [data-field="${field}"]`).fill(value), `atrous.${field}=${value}`);
      }
    });
    await withPage('/chapters/atrous/?atrous.r1=2&atrous.r2=2&atrous.r3=2', async (page) => {
      await drawing(page, tag);
      expect(await caption(page, tag)).toContain('only 7 of those 13 positions reach the output');
    });
  });
});

describe('accessibility after interaction', () => {
  it.each([
    ['/chapters/fully-convolutional/?tc.step=5', 'light'],
    ['/chapters/fully-convolutional/?checker.kernel=5&checker.stride=3&checker.input=edge', 'dark'],
    ['/chapters/encoder-stage/?pool.step=7&shift.dy=1', 'dark'],
    ['/chapters/unpooling/?unpool.step=17', 'light'],
    ['/chapters/unpooling/?unpool.step=9&mem.encoder=vgg16', 'dark'],
    ['/chapters/atrous/?atrous.rate=5&atrous.kernel=5', 'dark'],
  ] as const)('%s has no axe violations in %s mode once every widget has drawn', async (path, colorScheme) => {
    const v = await visit(browser, origin, path, { context: { colorScheme } });
    try {
      const { page } = v;
      await page.evaluate(() => document.querySelector('article')!.lastElementChild!.scrollIntoView());
      // Each reference widget in view once (some draw only when near, and the model widgets'
      // drawing moves the page under a single scroll).
      for (const widget of await page.locator('.widget:not(.model-widget)').all()) await widget.scrollIntoViewIfNeeded();
      await page.waitForFunction(() =>
        // The reference-op widgets of this file; model-backed ones have their own tests.
        [...document.querySelectorAll('.widget:not(.model-widget) .widget-stage[data-part="stage"]')].every((stage) => stage.querySelector('svg') !== null),
        undefined,
        // chapter 5's memory calculator loads the engine's report when near, beside the model widgets' worker: slow on a loaded CPU
        { timeout: 90_000 },
      );
      const { violations } = await new AxeBuilder({ page }).include('.widget').analyze();
      expect(violations.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });
});
