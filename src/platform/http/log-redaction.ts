import type { FastifyRequest } from 'fastify';

/** A URL with every query value replaced: search URLs carry names and birth dates. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=[redacted]`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

/** Quoted values and `(column)=(value)` pairs of database messages, which can hold personal data. */
function redactMessage(message: unknown): string {
  if (typeof message !== 'string') return '';
  return message.replace(/"[^"]*"/g, '"[redacted]"').replace(/=\([^)]*\)/g, '=([redacted])');
}

/**
 * An error for the log without the data it was about: a failed query keeps its SQL (with
 * placeholders) and the database's error code, never its parameters or the values in its message.
 */
export function redactError(error: unknown): {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
} {
  if (!(error instanceof Error))
    return { type: typeof error, message: String(redactMessage(String(error))), stack: '' };
  const query = (error as { query?: unknown }).query;
  const message = typeof query === 'string' ? `Failed query: ${query}` : redactMessage(error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const cause = error.cause as Record<string, unknown> | undefined;
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name,
    message,
    ...(code === undefined ? {} : { code }),
    stack: [`${error.constructor.name}: ${message}`, ...frames].join('\n'),
    ...(cause && typeof cause === 'object'
      ? {
          cause: {
            type: cause.constructor?.name,
            code: cause.code,
            message: redactMessage(cause.message),
            table: cause.table,
            column: cause.column,
            constraint: cause.constraint,
          },
        }
      : {}),
  };
}

/** Pino serializers of the request log: query values redacted, query errors without parameters. */
export const logSerializers = {
  err: redactError,
  error: redactError,
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: redactUrl(request.url),
    hostname: request.hostname,
    remoteAddress: request.ip,
  }),
};
