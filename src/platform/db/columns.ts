import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tenant key on every mission-owned table, first in its primary and foreign keys (Citus-ready). */
export const missionId = () => uuid('mission_id').notNull();
/** A time-stamp with its zone, as a JS Date. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
