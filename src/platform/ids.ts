import { uuidv7 } from 'uuidv7';

/** A new time-ordered id (UUIDv7), made in the application so PostgreSQL 15 and PGlite agree. */
export function newId(): string {
  return uuidv7();
}
