/** Base path of the public REST API. */
export const API_BASE = '/api/v1';

/** One failing field of a problem+json response. */
export interface FieldProblem {
  path: string;
  message: string;
  /** The reason's code, when the server gives one (the UI shows `errorCodes.<code>`). */
  code?: string;
}

/** An RFC 9457 problem+json error (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  readonly body: Record<string, unknown>;

  constructor(options: {
    status: number;
    title: string;
    detail?: string;
    errors?: FieldProblem[];
    body?: Record<string, unknown>;
  }) {
    super(options.detail ?? options.title);
    this.name = 'ApiError';
    this.status = options.status;
    this.title = options.title;
    this.detail = options.detail;
    this.errors = options.errors ?? [];
    this.body = options.body ?? {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns a response status and (possibly missing or malformed) problem body into an ApiError. */
export function parseProblem(status: number, statusText: string, body: unknown): ApiError {
  if (!isRecord(body)) {
    return new ApiError({ status, title: statusText || `HTTP ${status}` });
  }
  const errors: FieldProblem[] = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({
        path: typeof e.path === 'string' ? e.path : Array.isArray(e.path) ? e.path.join('.') : '',
        message: typeof e.message === 'string' ? e.message : String(e.message ?? ''),
        ...(typeof e.code === 'string' ? { code: e.code } : {}),
      }))
    : [];
  return new ApiError({
    status: typeof body.status === 'number' ? body.status : status,
    title: typeof body.title === 'string' ? body.title : statusText || `HTTP ${status}`,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors,
    body,
  });
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called whenever the API answers 401, so the app can show the login page. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API and returns the parsed JSON body; throws ApiError on any failure. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    // The browser sets the multipart boundary itself.
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, title: 'Network error' });
  }
  const text = await response.text();
  let parsed: unknown;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const problem = parseProblem(response.status, response.statusText, parsed);
    if (response.status === 401 && !path.startsWith('/auth/login')) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw problem;
  }
  return parsed as T;
}

/** GET a resource. */
export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(path, { signal });
}

/** POST JSON (or FormData) to a resource. */
export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return apiRequest<T>(path, { method: 'POST', body: body ?? {} });
}

/** PATCH a resource with JSON. */
export function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>(path, { method: 'PATCH', body });
}

/** Builds a query string from defined, non-empty values. */
export function toQuery(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
