import { z } from 'zod';
import { roles } from '../organisation/schema.js';
import { MAX_PASSWORD_LENGTH } from './password-rules.js';

/** A role held at one office, or across the mission when officeId is null. */
export const ZRoleGrant = z.object({ role: z.enum(roles), officeId: z.uuid().nullable() });
export type RoleGrantInput = z.infer<typeof ZRoleGrant>;

/** A user as colleagues and administrators see them. */
export const ZUserAccount = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: z.string(),
  active: z.boolean(),
  platformAdmin: z.boolean(),
  /** False until the user has set a password through their link. */
  passwordSet: z.boolean(),
  roles: z.array(ZRoleGrant),
});
export type UserAccount = z.infer<typeof ZUserAccount>;

export const ZUserListQuery = z.object({
  status: z
    .enum(['active', 'inactive', 'all'])
    .default('active')
    .describe('active users (anyone); inactive or all: administrators only'),
});

const ZRoles = z
  .array(ZRoleGrant)
  .max(50)
  .refine(
    (grants) => new Set(grants.map((g) => `${g.role}:${g.officeId}`)).size === grants.length,
    'a role is given twice at the same office',
  );

export const ZCreateUser = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  locale: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional()
    .describe('ISO 639-1; the mission’s locale when absent'),
  roles: ZRoles.min(1),
});
export type CreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    locale: z.string().regex(/^[a-z]{2}$/),
    roles: ZRoles.describe('the full set of the user’s roles, replacing the present ones'),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'change at least one field');
export type UpdateUser = z.infer<typeof ZUpdateUser>;

/** A one-time set-password link, shown to the administrator once and e-mailed to the user. */
export const ZPasswordLink = z.object({
  url: z.string().describe('open it to set a password; it works once'),
  expiresAt: z.iso.datetime(),
});

export const ZUserWithLink = z.object({ user: ZUserAccount, passwordLink: ZPasswordLink });

export const ZUserIdParams = z.object({ id: z.uuid() });

export const ZPasswordLinkToken = z.object({ token: z.string().min(20).max(200) });

export const ZPasswordLinkInfo = z.object({
  email: z.string(),
  displayName: z.string(),
  purpose: z.enum(['invite', 'reset']),
  expiresAt: z.iso.datetime(),
});

export const ZSetPassword = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
