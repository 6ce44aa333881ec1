import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AVRR_STATUSES, VULNERABILITIES } from '../cases/avrr-codes.js';
import en from './en.json' with { type: 'json' };
import { chooseLanguage } from './i18n.js';
import nl from './nl.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const enKeys = new Set(flatten(en as Tree));
const nlKeys = new Set(flatten(nl as Tree));
const has = (keys: Set<string>, key: string) => keys.has(key) || keys.has(`${key}_one`);

describe('translations', () => {
  it('has the same keys in English and Dutch', () => {
    expect([...enKeys].filter((k) => !nlKeys.has(k))).toEqual([]);
    expect([...nlKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has every literal key the code passes to t()', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) {
        if (match[1]) used.add(match[1]);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !has(enKeys, key))).toEqual([]);
  });

  it('labels every status and vulnerability', () => {
    for (const status of AVRR_STATUSES) expect(has(nlKeys, `status.${status}`)).toBe(true);
    for (const code of VULNERABILITIES) expect(has(nlKeys, `vulnerability.${code}`)).toBe(true);
  });
});

describe('chooseLanguage', () => {
  it('prefers the stored choice, then the browser, then English', () => {
    expect(chooseLanguage('nl', ['en-US'])).toBe('nl');
    expect(chooseLanguage(null, ['fr-FR', 'nl-BE'])).toBe('nl');
    expect(chooseLanguage('xx', ['ar'])).toBe('en');
  });
});
