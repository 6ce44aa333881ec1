import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { createUserAccount } from './create-user-account.js';
import { listUserAccounts, loadUserAccount } from './load-user-account.js';
import { sendPasswordLink } from './send-password-link.js';
import { changeOwnPassword, describePasswordLink, setPasswordWithLink } from './set-password.js';
import { deactivateUser, reactivateUser, updateUserAccount } from './update-user-account.js';
import { usersPolicy } from './users-policy.js';
import {
  ZChangePassword,
  ZCreateUser,
  ZPasswordLink,
  ZPasswordLinkInfo,
  ZPasswordLinkToken,
  ZSetPassword,
  ZUpdateUser,
  ZUserAccount,
  ZUserIdParams,
  ZUserListQuery,
  ZUserWithLink,
} from './users-schemas.js';

const tags = ['users'];
const ZUserResponse = z.object({ user: ZUserAccount });
const NO_SELF = 'Administrators change other users’ accounts, never their own roles or account.';

/** The mission's user accounts, their one-time password links, and each user's own password. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const administer = { access: 'user', policy: 'users.administer' } as const;

  app.get(
    '/users',
    {
      config: { access: 'user', policy: 'users.list' },
      schema: {
        tags,
        summary: 'Users of the mission with their roles (active ones unless an administrator asks)',
        querystring: ZUserListQuery,
        response: { 200: z.object({ items: z.array(ZUserAccount) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { status } = request.query;
      authorize(
        request,
        status === 'active' ? usersPolicy.listActive(actor) : usersPolicy.administer(actor),
        'Only administrators see deactivated users.',
      );
      const active = status === 'all' ? undefined : status === 'active';
      return { items: await listUserAccounts(request.server.database.db, actor.missionId, { active }) };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'user', policy: 'users.read' },
      schema: {
        tags,
        summary: 'A user account and its roles',
        params: ZUserIdParams,
        response: { 200: ZUserResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await loadUserAccount(request.server.database.db, actor.missionId, request.params.id);
      authorize(request, usersPolicy.read(actor, user));
      const { missionId: _, ...account } = user;
      return { user: account };
    },
  );

  app.post(
    '/users',
    {
      config: administer,
      schema: {
        tags,
        summary: 'Add a user with roles per office; answers their one-time set-password link',
        description:
          'Administrators only, and only roles at offices they administer (mission-wide roles: a mission-wide administrator). The link is e-mailed to the user through the outbox and shown here once; it works once, for 72 hours.',
        body: ZCreateUser,
        response: { 201: ZUserWithLink },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(
        request,
        usersPolicy.grantRoles(actor, null, request.body.roles),
        'Only administrators add users, with roles at the offices they administer.',
      );
      const created = await withTransaction(request, (ctx) =>
        createUserAccount(ctx, request.body, { publicUrl: request.server.config.publicUrl }),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/users/:id',
    {
      config: administer,
      schema: {
        tags,
        summary: 'Change a user’s name, language or roles (never one’s own roles)',
        params: ZUserIdParams,
        body: ZUpdateUser,
        response: { 200: ZUserResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTransaction(request, async (ctx) => {
        const before = await loadUserAccount(ctx.tx, actor.missionId, request.params.id, { forUpdate: true });
        const grants = request.body.roles ? [...before.roles, ...request.body.roles] : [];
        authorize(
          request,
          usersPolicy.manage(actor, before) && usersPolicy.grantRoles(actor, before, grants),
          NO_SELF,
        );
        return { user: await updateUserAccount(ctx, before, request.body) };
      });
    },
  );

  const statusChanges = [
    {
      path: 'deactivate',
      summary: 'Deactivate a user: no more sign-in, their sessions and password links end',
      change: deactivateUser,
    },
    { path: 'reactivate', summary: 'Let a deactivated user sign in again', change: reactivateUser },
  ] as const;
  for (const { path, summary, change } of statusChanges) {
    app.post(
      `/users/:id/${path}`,
      {
        config: administer,
        schema: { tags, summary, params: ZUserIdParams, response: { 200: ZUserResponse } },
      },
      async (request) => {
        const actor = actorOf(request);
        return withTransaction(request, async (ctx) => {
          const user = await loadUserAccount(ctx.tx, actor.missionId, request.params.id, { forUpdate: true });
          authorize(
            request,
            usersPolicy.manage(actor, user) && usersPolicy.grantRoles(actor, user, user.roles),
            NO_SELF,
          );
          const { missionId: _, ...account } = user;
          return { user: await change(ctx, account) };
        });
      },
    );
  }

  app.post(
    '/users/:id/password-link',
    {
      config: administer,
      schema: {
        tags,
        summary: 'Reset: send the user a new one-time set-password link (shown here once)',
        description: 'Earlier links stop working; the e-mail goes through the outbox.',
        params: ZUserIdParams,
        response: { 201: z.object({ passwordLink: ZPasswordLink }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const passwordLink = await withTransaction(request, async (ctx) => {
        const user = await loadUserAccount(ctx.tx, actor.missionId, request.params.id, { forUpdate: true });
        authorize(
          request,
          usersPolicy.manage(actor, user) && usersPolicy.grantRoles(actor, user, user.roles),
          NO_SELF,
        );
        return sendPasswordLink(ctx, user, { publicUrl: request.server.config.publicUrl });
      });
      return reply.status(201).send({ passwordLink });
    },
  );

  app.post(
    '/password-links/check',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Whom a set-password link is for, while it still works (410 otherwise)',
        security: [],
        body: ZPasswordLinkToken,
        response: { 200: ZPasswordLinkInfo },
      },
    },
    async (request) => describePasswordLink(request.server.database, request.body.token, new Date()),
  );

  app.post(
    '/password-links/use',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Set a password with a one-time link; every session of the user ends',
        description: `At least 12 characters, not one of the commonly used passwords, not the e-mail address or name.`,
        security: [],
        body: ZSetPassword,
        response: { 200: z.object({ email: z.string() }) },
      },
    },
    async (request) =>
      setPasswordWithLink(request.server.database, {
        token: request.body.token,
        password: request.body.password,
        requestId: request.id,
        ip: request.ip ?? null,
        now: new Date(),
      }),
  );

  app.post(
    '/me/password',
    {
      config: {
        access: 'user',
        policy: 'users.changeOwnPassword',
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Change one’s own password; one’s other sessions end',
        description:
          'The current password is required. The new one: at least 12 characters, not a commonly used one.',
        body: ZChangePassword,
        response: { 200: z.object({ endedSessions: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, usersPolicy.changeOwnPassword(actor));
      return withTransaction(request, (ctx) =>
        changeOwnPassword(ctx, {
          currentPassword: request.body.currentPassword,
          newPassword: request.body.newPassword,
          currentSessionToken: request.cookies[SESSION_COOKIE],
        }),
      );
    },
  );
};
