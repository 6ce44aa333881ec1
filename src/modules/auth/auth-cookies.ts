import type { FastifyReply } from 'fastify';
import { CHALLENGE_COOKIE, CHALLENGE_MS } from './login-challenges.js';
import { SESSION_COOKIE, SESSION_MAX_MS } from './sessions.js';

/** Sets the session cookie of a signed-in user: HttpOnly, SameSite=Strict, the whole site. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: Math.floor(SESSION_MAX_MS / 1000),
  });
}

/** Sets the cookie of a sign-in waiting for its second factor, sent only to the sign-in routes. */
export function setChallengeCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(CHALLENGE_COOKIE, token, {
    path: '/api/v1/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: Math.floor(CHALLENGE_MS / 1000),
  });
}
