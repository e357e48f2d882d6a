import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInPage, launchChromium, sendConsultantRequest, startFormPlayground, startPlayground, watchPage, type RunningPlayground } from './playground-harness.ts';

const ARTIFACTS = 'test-artifacts';
const HOSTILE_INPUT = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> [x](javascript:window.__pwned=3)`;

let playground: RunningPlayground;
let formServer: { url: string; close(): Promise<void> };
let browser: Browser;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

/** Opens a page (phone-sized when asked) that records every request to another origin and every script error. */
async function openPage(path: string, options: { width?: number; locale?: string; base?: string } = {}): Promise<Page> {
  const base = options.base ?? playground.url;
  const context = await browser.newContext({ viewport: { width: options.width ?? 1024, height: 800 }, locale: options.locale ?? 'da-DK' });
  const page = await context.newPage();
  watchPage(page, base, foreignRequests, pageErrors);
  await page.goto(`${base}${path}`);
  return page;
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  playground = await startPlayground();
  formServer = await startFormPlayground(playground.runtime);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await formServer?.close();
  await playground?.close();
});

describe('the playground in Chromium', () => {
  it('answers a question with its sources, and greets with the menu', async () => {
    const page = await openPage('/');
    await page.locator('.entry-bot').first().waitFor();
    await askInPage(page, 'må vi slette kommentarer');
    const answer = page.locator('.entry-bot').last();
    await expect(answer.locator('h3').first().textContent()).resolves.toBe('Må vi slette kommentarer?');
    await expect(answer.getByRole('link', { name: 'KL – debatpolitik' }).getAttribute('href')).resolves.toBe('https://www.kl.dk/Okonomi-og-administration/Kommunikation/sociale-medier/');
    expect(await page.getByRole('log').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/playground-chat.png`, fullPage: true });
  });

  it('renders a hostile knowledge entry and hostile chat input as text', async () => {
    const page = await openPage('/');
    await page.locator('.entry-bot').first().waitFor();
    await askInPage(page, 'fjendtligt indhold i vores svar');
    const answer = page.locator('.entry-bot').last();
    await expect(answer.locator('h3').first().textContent()).resolves.toContain('<script>alert("title")</script>');
    expect(await answer.textContent()).toContain(`<img src=x onerror="alert('answer')">`);
    expect(await answer.locator('img, script').count()).toBe(0);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
    await askInPage(page, HOSTILE_INPUT);
    await expect(page.locator('.entry-user .user-text').last().textContent()).resolves.toBe(HOSTILE_INPUT);
    expect(await page.locator('#chat-log img, #chat-log script').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    await page.screenshot({ path: `${ARTIFACTS}/playground-hostile.png`, fullPage: true });
  });

  it('clicks through a guide to its outcome with buttons only', async () => {
    const page = await openPage('/');
    await page.locator('.entry-bot').first().waitFor();
    await askInPage(page, 'prøveguide');
    const start = page.locator('.entry-bot').last().locator('button[data-choice-id="flow:hostile-flow"]');
    const replies = await page.locator('.entry-bot').count();
    if ((await start.count()) > 0) {
      await start.click();
      await page.locator('.entry-bot').nth(replies).waitFor();
    }
    const question = page.locator('.entry-bot').last();
    expect(await question.textContent()).toContain(`<img src=x onerror=alert('prompt')>`);
    const before = await page.locator('.entry-bot').count();
    await question.getByRole('button', { name: 'Ja <b>fed</b>' }).click();
    await page.locator('.entry-bot').nth(before).waitFor();
    const outcome = page.locator('.entry-bot').last();
    await expect(outcome.locator('h3').first().textContent()).resolves.toBe('Det var en test');
    expect(await outcome.textContent()).toContain(`<script>alert('advice')</script>`);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('BUTTON');
    expect(await pwned(page)).toBeUndefined();
  });

  it('submits a form and shows the server-side result (generic form path)', async () => {
    const page = await openPage('/', { base: formServer.url });
    await page.locator('.entry-bot').first().waitFor();
    await askInPage(page, 'kontakt en konsulent');
    const form = page.locator('form.bot-form').last();
    await expect(form.getByLabel('Emne').getAttribute('required')).resolves.toBe('');
    await form.getByLabel('Emne').fill('<b>Shitstorm</b>');
    await form.getByLabel('Det haster').check();
    const before = await page.locator('.entry-bot').count();
    await form.getByRole('button', { name: 'Send formular' }).click();
    await page.locator('.entry-bot').nth(before).waitFor();
    const result = page.locator('.entry-bot').last();
    await expect(result.locator('dd').first().textContent()).resolves.toBe('<b>Shitstorm</b>');
    await expect(result.locator('dd').nth(1).textContent()).resolves.toBe('ja');
    await page.screenshot({ path: `${ARTIFACTS}/playground-form.png`, fullPage: true });
  });

  it('submits the escalation form and shows the case number', async () => {
    const page = await openPage('/');
    await page.locator('.entry-bot').first().waitFor();
    const receipt = await sendConsultantRequest(page, 'Shitstorm om <script>');
    await expect(receipt.locator('dt').first().textContent()).resolves.toBe('Sagsnummer:');
    expect(await receipt.locator('dd').first().textContent()).toMatch(/^KL-\d{4}-\d{4}$/);
    await page.screenshot({ path: `${ARTIFACTS}/playground-escalation.png`, fullPage: true });
  });

  it('draws a guide with Mermaid as SVG and shows a node text when its diagram node is clicked', async () => {
    const page = await openPage('/guides');
    await page.getByText('Vis diagram').first().click();
    const svg = page.locator('.diagram svg').first();
    await svg.waitFor();
    const nodes = page.locator('.diagram g.node.clickable');
    expect(await nodes.count()).toBe(3);
    // drawn at its own size, scrolling sideways when wide, not shrunk to the page (a 30-step guide was unreadable)
    const size = await svg.evaluate((el) => ({ width: el.getAttribute('width') ?? el.style.width, viewBox: el.getAttribute('viewBox') ?? '' }));
    expect(Number.parseFloat(size.width)).toBeCloseTo(Number(size.viewBox.split(/\s+/)[2]), 0);
    await nodes.filter({ hasText: 'done-yes' }).first().click();
    const panel = page.locator('.node-panel:not([hidden])');
    await expect(panel.locator('h3').textContent()).resolves.toBe('done-yes: Det var en test');
    expect(await panel.textContent()).toContain(`<script>alert('advice')</script>`);
    expect(await page.locator('main img, main script').count()).toBe(0);
    await page.keyboard.press('Tab');
    await page.screenshot({ path: `${ARTIFACTS}/playground-guides.png`, fullPage: true });
    expect(await pwned(page)).toBeUndefined();
  });

  it('shows the search inspector with ranks, scores and the confident decision', async () => {
    const page = await openPage('/search');
    await page.getByLabel('Spørgsmål').fill('må vi slette kommentarer');
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.locator('table.results').waitFor();
    await expect(page.locator('table.results tbody tr').first().locator('code').textContent()).resolves.toBe('slette-kommentarer');
    expect(await page.locator('table.results td.score').first().textContent()).toMatch(/^\d\.\d{3}$/);
    await expect(page.locator('.search-summary dd').first().textContent()).resolves.toBe('ja');
    await page.screenshot({ path: `${ARTIFACTS}/playground-search.png`, fullPage: true });
  });

  it('speaks English when the browser prefers it and fits a 375 px screen', async () => {
    const page = await openPage('/', { width: 375, locale: 'en-GB' });
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.locator('.entry-bot').first().waitFor();
    await expect(page.getByRole('button', { name: 'Send' }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Your question').fill('menu');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    await page.keyboard.press('Tab');
    await page.screenshot({ path: `${ARTIFACTS}/playground-phone-en.png`, fullPage: true });
  });

  it('made no request to any other origin and raised no script error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
