-- A mission's settings are data: its time zone (its "today" and the days its figures count by),
-- currency, languages and locale. Existing missions were Dutch: they keep Amsterdam, euros, English
-- and Dutch.
ALTER TABLE "missions" ADD COLUMN "time_zone" text DEFAULT 'Europe/Amsterdam' NOT NULL;--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "currency" text DEFAULT 'EUR' NOT NULL;--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "languages" text[] DEFAULT '{en,nl}' NOT NULL;--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "missions" ALTER COLUMN "time_zone" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "missions" ALTER COLUMN "currency" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "missions" ALTER COLUMN "languages" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "missions" ALTER COLUMN "locale" DROP DEFAULT;--> statement-breakpoint
-- Two times on everything that happened: when it happened, and when it was entered.
ALTER TABLE "case_events" RENAME COLUMN "at" TO "occurred_at";--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "recorded_at" timestamp with time zone;--> statement-breakpoint
UPDATE "case_events" SET "recorded_at" = "occurred_at";--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "recorded_at" SET NOT NULL;--> statement-breakpoint
-- Departures count on the day they happened in their mission's own time zone.
CREATE OR REPLACE FUNCTION reports_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_departure_counts AS c
    (mission_id, day, office_id, programme, assignee_key, vulnerabilities, nationality, arrival_airport, cases, persons)
  SELECT mission_id, day, office_id, programme, ak, vk, nationality, airport, count(*), sum(persons)
  FROM (
  SELECT x.mission_id, x.day, k.office_id, k.programme, reports_scope_assignee(k.assignee_id, k.vulnerabilities) AS ak,
         reports_vulnerability_key(k.vulnerabilities) AS vk,
         coalesce((SELECT p.nationalities[1] FROM case_group_members m
                   JOIN persons p ON p.mission_id = m.mission_id AND p.id = m.person_id
                   WHERE m.mission_id = k.mission_id AND m.case_group_id = k.case_group_id AND m.role = 'principal'
                   LIMIT 1), '') AS nationality,
         coalesce((SELECT s.arrival_airport FROM bookings b
                   JOIN booking_segments s ON s.mission_id = b.mission_id AND s.booking_id = b.id
                   WHERE b.mission_id = k.mission_id AND b.case_id = k.id AND b.kind = 'departure'
                     AND b.status IN ('booked', 'confirmed')
                   ORDER BY b.version DESC, b.created_at DESC, s.position DESC LIMIT 1), '') AS airport,
         (SELECT count(*) FROM case_group_members m
          WHERE m.mission_id = k.mission_id AND m.case_group_id = k.case_group_id) AS persons
  FROM (SELECT e.mission_id, e.case_id, (e.occurred_at AT TIME ZONE mi.time_zone)::date AS day
        FROM new_rows e JOIN missions mi ON mi.id = e.mission_id
        WHERE e.kind = 'status_changed' AND e.data->>'to' = 'departed') x
  JOIN cases k ON k.mission_id = x.mission_id AND k.id = x.case_id
  ) y
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (mission_id, day, office_id, programme, assignee_key, vulnerabilities, nationality, arrival_airport)
  DO UPDATE SET cases = c.cases + excluded.cases, persons = c.persons + excluded.persons;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_rebuild_summaries(p_mission uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_counts WHERE mission_id = p_mission;
  DELETE FROM case_task_counts WHERE mission_id = p_mission;
  DELETE FROM case_departure_counts WHERE mission_id = p_mission;
  INSERT INTO case_counts (mission_id, office_id, programme, status, assignee_key, vulnerabilities, n)
  SELECT mission_id, office_id, programme, status, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid),
         reports_vulnerability_key(vulnerabilities), count(*)
  FROM cases WHERE mission_id = p_mission GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO case_task_counts (mission_id, office_id, programme, assignee_key, vulnerabilities, due_date, n)
  SELECT k.mission_id, k.office_id, k.programme, reports_scope_assignee(k.assignee_id, k.vulnerabilities),
         reports_vulnerability_key(k.vulnerabilities), t.due_date, count(*)
  FROM case_tasks t JOIN cases k ON k.mission_id = t.mission_id AND k.id = t.case_id
  WHERE t.mission_id = p_mission AND t.done_at IS NULL AND t.due_date IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO case_departure_counts AS c
    (mission_id, day, office_id, programme, assignee_key, vulnerabilities, nationality, arrival_airport, cases, persons)
  SELECT mission_id, day, office_id, programme, ak, vk, nationality, airport, count(*), sum(persons)
  FROM (
  SELECT x.mission_id, x.day, k.office_id, k.programme, reports_scope_assignee(k.assignee_id, k.vulnerabilities) AS ak,
         reports_vulnerability_key(k.vulnerabilities) AS vk,
         coalesce((SELECT p.nationalities[1] FROM case_group_members m
                   JOIN persons p ON p.mission_id = m.mission_id AND p.id = m.person_id
                   WHERE m.mission_id = k.mission_id AND m.case_group_id = k.case_group_id AND m.role = 'principal'
                   LIMIT 1), '') AS nationality,
         coalesce((SELECT s.arrival_airport FROM bookings b
                   JOIN booking_segments s ON s.mission_id = b.mission_id AND s.booking_id = b.id
                   WHERE b.mission_id = k.mission_id AND b.case_id = k.id AND b.kind = 'departure'
                     AND b.status IN ('booked', 'confirmed')
                   ORDER BY b.version DESC, b.created_at DESC, s.position DESC LIMIT 1), '') AS airport,
         (SELECT count(*) FROM case_group_members m
          WHERE m.mission_id = k.mission_id AND m.case_group_id = k.case_group_id) AS persons
  FROM (SELECT e.mission_id, e.case_id, (e.occurred_at AT TIME ZONE mi.time_zone)::date AS day
        FROM case_events e JOIN missions mi ON mi.id = e.mission_id
        WHERE e.kind = 'status_changed' AND e.data->>'to' = 'departed' AND e.mission_id = p_mission) x
  JOIN cases k ON k.mission_id = x.mission_id AND k.id = x.case_id
  ) y
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (mission_id, day, office_id, programme, assignee_key, vulnerabilities, nationality, arrival_airport)
  DO UPDATE SET cases = c.cases + excluded.cases, persons = c.persons + excluded.persons;
  PERFORM reports_rebuild_grant_document_counts(p_mission);
END;
$$;
