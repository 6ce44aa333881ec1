import { citext } from '@electric-sql/pglite/contrib/citext';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/**
 * The PostgreSQL extensions Passage uses. PGlite must be handed them every time it opens,
 * or `CREATE EXTENSION` (in the first migration) fails with "not available".
 */
export const pgliteExtensions = { pg_trgm, fuzzystrmatch, unaccent, citext };
