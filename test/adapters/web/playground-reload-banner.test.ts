import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_KNOWLEDGE } from '../../store/support/chat-process.ts';
import { launchChromium, startPlayground, watchPage, type RunningPlayground } from './playground-harness.ts';

const ARTIFACTS = 'test-artifacts';
const ANSWER_FILE = join('faq', 'slette-kommentarer.yaml');

let dir: string;
let playground: RunningPlayground;
let browser: Browser;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  dir = await mkdtemp(join(tmpdir(), 'playground-banner-'));
  await cp(FIXTURE_KNOWLEDGE, join(dir, 'knowledge'), { recursive: true });
  playground = await startPlayground({}, join(dir, 'knowledge'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the chat page and a rejected knowledge reload (Chromium)', () => {
  it('shows the banner while the page is open once a save is rejected, and takes it away once a save goes live', { timeout: 60_000 }, async () => {
    const foreign: string[] = [];
    const errors: string[] = [];
    const page = await (await browser.newContext({ locale: 'da-DK' })).newPage();
    watchPage(page, playground.url, foreign, errors);
    await page.goto(`${playground.url}/`);
    await page.locator('.entry-bot').first().waitFor();
    expect(await page.locator('.reload-banner').count()).toBe(0);

    const file = join(dir, 'knowledge', ANSWER_FILE);
    const good = await readFile(file, 'utf8');
    await writeFile(file, 'id: slette-kommentarer\ntitle: [unclosed\n');
    expect((await playground.runtime.reload()).ok).toBe(false);
    const banner = page.locator('main > .reload-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toMatch(/Din seneste ændring i vidensbasen blev afvist .*kl\. \d\d:\d\d, og den forrige version svarer stadig/);
    expect(await banner.locator('li code').first().textContent()).toMatch(/slette-kommentarer\.yaml:\d+: /);
    // it stands above the page's heading
    expect(await page.locator('main > :first-child').evaluate((el) => el.classList.contains('reload-banner'))).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/playground-reload-rejected.png`, fullPage: true });

    // A page opened now has it from the server, in the page's language.
    const english = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await english.goto(`${playground.url}/?lang=en`);
    expect(await english.locator('main > .reload-banner').textContent()).toContain('Your latest change to the knowledge base was rejected');

    await writeFile(file, good);
    expect((await playground.runtime.reload()).ok).toBe(true);
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
