import { describe, expect, it } from 'vitest';
import { parseProblem, toQuery } from './client.js';

describe('parseProblem', () => {
  it('reads an RFC 9457 problem with field errors', () => {
    const error = parseProblem(400, 'Bad Request', {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      detail: 'Some fields are invalid',
      errors: [{ path: 'nationalities.0', message: 'Not an ISO country code' }],
    });
    expect(error.status).toBe(400);
    expect(error.title).toBe('Invalid request');
    expect(error.detail).toBe('Some fields are invalid');
    expect(error.errors).toEqual([{ path: 'nationalities.0', message: 'Not an ISO country code' }]);
  });

  it('keeps extension members such as currentVersion', () => {
    const error = parseProblem(409, 'Conflict', { title: 'Stale', status: 409, currentVersion: 4 });
    expect(error.body.currentVersion).toBe(4);
  });

  it('joins array paths and survives a body that is not a problem', () => {
    expect(
      parseProblem(400, '', { title: 'x', errors: [{ path: ['phone'], message: 'bad' }] }).errors,
    ).toEqual([{ path: 'phone', message: 'bad' }]);
    const fallback = parseProblem(502, 'Bad Gateway', undefined);
    expect(fallback.title).toBe('Bad Gateway');
    expect(fallback.errors).toEqual([]);
  });
});

describe('toQuery', () => {
  it('leaves out empty values', () => {
    expect(toQuery({ status: 'counselling', q: '', officeId: undefined, page: 2 })).toBe(
      '?status=counselling&page=2',
    );
    expect(toQuery({ q: '' })).toBe('');
  });
});
