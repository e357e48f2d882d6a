import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedPlaygroundInChromium } from './playground-harness.ts';

const ARTIFACTS = 'test-artifacts';

const running = shippedPlaygroundInChromium(ARTIFACTS);

/** Waits for the reply after the bot entries counted before an input. */
async function nextReply(page: Page, before: number): Promise<void> {
  await page.locator('.entry-bot').nth(before).waitFor();
}

async function type(page: Page, text: string): Promise<void> {
  const before = await page.locator('.entry-bot').count();
  await page.getByLabel('Dit spørgsmål').fill(text);
  await page.keyboard.press('Enter');
  await nextReply(page, before);
}

describe('old buttons in the playground (Chromium, shipped knowledge)', () => {
  it('disables the buttons of a group once one is clicked, and an earlier step\'s button that was never clicked still changes that answer', async () => {
    const page = await (await running.browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK' })).newPage();
    await page.goto(`${running.playground().url}/`);
    const menu = page.locator('.entry-bot').first();
    await menu.waitFor();
    let before = await page.locator('.entry-bot').count();
    const crisis = menu.locator('button[data-choice-id="flow:crisis"]');
    await crisis.click();
    await nextReply(page, before);
    await expect(crisis.isDisabled()).resolves.toBe(true);
    await expect(crisis.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(menu.locator('button[data-choice-id="flow:strategy"]').isDisabled()).resolves.toBe(true);

    const firstStep = page.locator('.entry-bot').nth(before);
    expect(await firstStep.textContent()).toContain('Trin 1 af højst 6');
    await type(page, '2');
    await type(page, '2');
    expect(await page.locator('.entry-bot').last().textContent()).toContain('Hvor stor er sagen lige nu?');
    const decision = firstStep.getByRole('button', { name: /^Upopulær beslutning/ });
    await expect(decision.isDisabled()).resolves.toBe(false);
    before = await page.locator('.entry-bot').count();
    await decision.click();
    await nextReply(page, before);
    const changed = page.locator('.entry-bot').nth(before);
    expect(await changed.textContent()).toContain('Du har ændret dit svar i trin 1. Guiden fortsætter derfra.');
    expect(await changed.textContent()).toContain('Trin 2 af højst 5');
    await expect(decision.isDisabled()).resolves.toBe(true);
    await expect(changed.getByRole('button', { name: /^Voksende/ }).isDisabled()).resolves.toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/playground-old-buttons.png`, fullPage: true });
  });
});
