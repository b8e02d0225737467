/** Reading and driving the training studio in a browser test page. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const tag = 'training-studio';

export const attr = (page: Page, name: string) => page.locator(tag).getAttribute(name);
export const step = async (page: Page): Promise<number> => Number((await attr(page, 'data-step')) ?? -1);
export const message = (page: Page) => page.locator(`${tag} [data-part="message"]`).innerText();
export const click = (page: Page, action: string) => page.locator(`${tag} button[data-action="${action}"]`).click();

export async function untilPhase(page: Page, phase: string): Promise<void> {
  await page.waitForSelector(`${tag}[data-phase="${phase}"]`, { timeout: 60_000 });
}

export async function untilStepAtLeast(page: Page, n: number): Promise<void> {
  await expect.poll(() => step(page), { timeout: 90_000, interval: 100 }).toBeGreaterThanOrEqual(n);
}
