/** Every kind of write (and sensitive read) the audit trail records. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'person.create',
  'person.update',
  'person.document_add',
  'case.create',
  'case.update',
  'case.transition',
  'case.read_sensitive',
  'note.create',
  'task.create',
  'task.update',
  'document.upload',
  'document.download',
  'referral_source.create',
  'referral_source.update',
] as const;
export type AuditAction = (typeof auditActions)[number];
