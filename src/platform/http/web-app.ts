import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web UI (dist/web) with a fallback to index.html for client-side routes. */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<boolean> {
  if (!existsSync(path.join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });
  return true;
}

/** True when a path is a page of the web UI rather than an API call or an asset. */
export function isWebPage(url: string): boolean {
  return !url.startsWith('/api') && !path.extname(url.split('?')[0] ?? '');
}
