import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { launchBrowser, withScreenshotOnFailure } from './support/browser.js';

const baseUrl = inject('passageBaseUrl');

describe('the production server', () => {
  it('serves the web UI at / and for client-side routes', async () => {
    for (const url of ['/', '/cases/new']) {
      const response = await fetch(`${baseUrl}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('reports its health and the version of package.json', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite', version: packageJson.version });
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const response = await fetch(`${baseUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; info: { title: string } };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Passage API');
  });

  it('answers unknown API paths with problem+json, not the web UI', async () => {
    const response = await fetch(`${baseUrl}/api/v1/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('pages under the Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // A page the policy breaks still loads, so look for the browser's own complaints as well.
  async function openAndCollectViolations(url: string, ready: string) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await withScreenshotOnFailure(page, `csp${url}`, async () => {
      await page.goto(`${baseUrl}${url}`);
      await page.locator(ready).first().waitFor();
    });
    await page.close();
    return problems.filter((text) => /Content Security Policy|Refused to/i.test(text));
  }

  it('renders the API documentation page', async () => {
    expect(await openAndCollectViolations('/api/docs', '.swagger-ui .info .title')).toEqual([]);
  });

  it('renders the sign-in page of the web UI', async () => {
    expect(await openAndCollectViolations('/', 'form[data-testid="login-form"]')).toEqual([]);
  });
});
