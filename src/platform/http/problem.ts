/** One failing field of a request, named by its path (RFC 9457 extension member "errors"). */
export interface FieldError {
  path: string;
  message: string;
  /** A stable code for the reason, when the UI shows it in the user's language. */
  code?: string;
}

/** An error that becomes an RFC 9457 application/problem+json response. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown>;

  constructor(options: {
    status: number;
    title: string;
    detail?: string;
    type?: string;
    errors?: FieldError[];
    extra?: Record<string, unknown>;
  }) {
    super(options.detail ?? options.title);
    this.name = 'HttpProblem';
    this.status = options.status;
    this.title = options.title;
    this.type = options.type ?? 'about:blank';
    this.errors = options.errors;
    this.extra = options.extra ?? {};
  }

  /** The problem document sent to the client. */
  toJSON(instance: string): Record<string, unknown> {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      instance,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpProblem({ status: 400, title: 'Bad Request', detail, errors });
export const unauthorized = (detail = 'Sign in first.') =>
  new HttpProblem({ status: 401, title: 'Unauthorized', detail });
export const forbidden = (detail = 'You may not do this.') =>
  new HttpProblem({ status: 403, title: 'Forbidden', detail });
export const notFound = (what: string) =>
  new HttpProblem({ status: 404, title: 'Not Found', detail: `${what} not found.` });
export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new HttpProblem({ status: 409, title: 'Conflict', detail, extra });
export const unprocessable = (detail: string, extra?: Record<string, unknown>, errors?: FieldError[]) =>
  new HttpProblem({ status: 422, title: 'Unprocessable Content', detail, extra, errors });
