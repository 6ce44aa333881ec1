import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type FieldError, HttpProblem } from './problem.js';
import { isWebPage } from './web-app.js';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Turns every error, and unknown routes, into RFC 9457 problem+json with the failing field paths. */
export function registerProblemHandlers(app: FastifyInstance, options: { webApp: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    reply.status(problem.status).type(PROBLEM_TYPE).send(problem.toJSON(request.url));
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && options.webApp && isWebPage(request.url)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const problem = new HttpProblem({
      status: 404,
      title: 'Not Found',
      detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
    });
    reply.status(404).type(PROBLEM_TYPE).send(problem.toJSON(request.url));
  });
}

/**
 * Fastify's own refusals before routing (a URL parameter too long: 414, a malformed URL: 400) as
 * problem+json too; passed as the `frameworkErrors` option, since they bypass the error handler.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode === 414 ? 414 : 400;
  const detail = status === 414 ? 'The URL is too long.' : 'The URL is malformed.';
  const problem = new HttpProblem({ status, title: httpTitle(status), detail });
  reply
    .status(status)
    .type(PROBLEM_TYPE)
    .send(problem.toJSON(request.url.slice(0, 200)));
}

function toProblem(error: FastifyError): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors: FieldError[] = error.validation.map((issue) => ({
      path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
    }));
    return new HttpProblem({
      status: 400,
      title: 'Bad Request',
      detail: `The request is invalid: ${errors.map((e) => e.path).join(', ')}.`,
      errors,
    });
  }
  if (isResponseSerializationError(error)) {
    return new HttpProblem({
      status: 500,
      title: 'Internal Server Error',
      detail: 'The response did not match its schema.',
    });
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status === 429) return new HttpProblem({ status, title: 'Too Many Requests', detail: error.message });
  if (status < 500) return new HttpProblem({ status, title: httpTitle(status), detail: error.message });
  return new HttpProblem({
    status: 500,
    title: 'Internal Server Error',
    detail: 'Something went wrong on the server.',
  });
}

function httpTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    406: 'Not Acceptable',
    409: 'Conflict',
    413: 'Content Too Large',
    414: 'URI Too Long',
    415: 'Unsupported Media Type',
  };
  return titles[status] ?? 'Error';
}
