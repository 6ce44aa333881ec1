import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; CI installs it with `apt-get install chromium`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const artifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** Launches headless Chromium without the background traffic a test does not need. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Chromium with one page on the served app, in British English with 15 s for each step: what a
 * test file opens before its tests (and closes with `browser.close()` after them).
 */
export async function openAppPage(
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', ...options });
  context.setDefaultTimeout(15_000);
  return { browser, page: await context.newPage() };
}

/** Saves a full-page screenshot to e2e/artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name.replace(/[^a-zA-Z0-9-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs the steps; when one fails, saves a screenshot of the page first and names it in the error. */
export async function withScreenshotOnFailure(page: Page, name: string, steps: () => Promise<void>) {
  try {
    await steps();
  } catch (error) {
    const file = await saveScreenshot(page, name).catch(() => null);
    if (file && error instanceof Error) error.message += `\n(screenshot: ${file})`;
    throw error;
  }
}
