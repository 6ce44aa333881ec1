-- Departures count persons who actually flew: one passenger_departed event on the case per
-- passenger marked departed on the airport board, on the day it happened in the mission's zone,
-- with the final arrival airport of the booking they flew on. A case counts once, with the first
-- of its passengers to depart (case event ids are UUIDv7, so the smallest id is the first recorded);
-- a family member who stayed behind is not counted, and a status change with no passenger is not
-- a departure.
CREATE OR REPLACE FUNCTION reports_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_departure_counts AS c
    (mission_id, day, office_id, programme, assignee_key, vulnerabilities, nationality, arrival_airport, cases, persons)
  SELECT mission_id, day, office_id, programme, ak, vk, nationality, airport, sum(first_of_case), count(*)
  FROM (
  SELECT x.mission_id, x.day, k.office_id, k.programme, reports_scope_assignee(k.assignee_id, k.vulnerabilities) AS ak,
         reports_vulnerability_key(k.vulnerabilities) AS vk,
         coalesce((SELECT p.nationalities[1] FROM case_group_members m
                   JOIN persons p ON p.mission_id = m.mission_id AND p.id = m.person_id
                   WHERE m.mission_id = k.mission_id AND m.case_group_id = k.case_group_id AND m.role = 'principal'
                   LIMIT 1), '') AS nationality,
         coalesce((SELECT s.arrival_airport FROM booking_segments s
                   WHERE s.mission_id = x.mission_id AND s.booking_id = x.booking_id
                   ORDER BY s.position DESC LIMIT 1), '') AS airport,
         CASE WHEN EXISTS (SELECT 1 FROM case_events o
                           WHERE o.mission_id = x.mission_id AND o.case_id = x.case_id
                             AND o.kind = 'passenger_departed' AND o.id < x.id) THEN 0 ELSE 1 END AS first_of_case
  FROM (SELECT e.mission_id, e.case_id, e.id, (e.data->>'bookingId')::uuid AS booking_id,
               (e.occurred_at AT TIME ZONE mi.time_zone)::date AS day
        FROM new_rows e JOIN missions mi ON mi.id = e.mission_id
        WHERE e.kind = 'passenger_departed') x
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
  SELECT mission_id, day, office_id, programme, ak, vk, nationality, airport, sum(first_of_case), count(*)
  FROM (
  SELECT x.mission_id, x.day, k.office_id, k.programme, reports_scope_assignee(k.assignee_id, k.vulnerabilities) AS ak,
         reports_vulnerability_key(k.vulnerabilities) AS vk,
         coalesce((SELECT p.nationalities[1] FROM case_group_members m
                   JOIN persons p ON p.mission_id = m.mission_id AND p.id = m.person_id
                   WHERE m.mission_id = k.mission_id AND m.case_group_id = k.case_group_id AND m.role = 'principal'
                   LIMIT 1), '') AS nationality,
         coalesce((SELECT s.arrival_airport FROM booking_segments s
                   WHERE s.mission_id = x.mission_id AND s.booking_id = x.booking_id
                   ORDER BY s.position DESC LIMIT 1), '') AS airport,
         CASE WHEN EXISTS (SELECT 1 FROM case_events o
                           WHERE o.mission_id = x.mission_id AND o.case_id = x.case_id
                             AND o.kind = 'passenger_departed' AND o.id < x.id) THEN 0 ELSE 1 END AS first_of_case
  FROM (SELECT e.mission_id, e.case_id, e.id, (e.data->>'bookingId')::uuid AS booking_id,
               (e.occurred_at AT TIME ZONE mi.time_zone)::date AS day
        FROM case_events e JOIN missions mi ON mi.id = e.mission_id
        WHERE e.kind = 'passenger_departed' AND e.mission_id = p_mission) x
  JOIN cases k ON k.mission_id = x.mission_id AND k.id = x.case_id
  ) y
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (mission_id, day, office_id, programme, assignee_key, vulnerabilities, nationality, arrival_airport)
  DO UPDATE SET cases = c.cases + excluded.cases, persons = c.persons + excluded.persons;
  PERFORM reports_rebuild_grant_document_counts(p_mission);
END;
$$;
--> statement-breakpoint
-- The departure counts kept so far counted whole case groups at the status change: count again.
DELETE FROM case_departure_counts;
--> statement-breakpoint
INSERT INTO case_departure_counts AS c
  (mission_id, day, office_id, programme, assignee_key, vulnerabilities, nationality, arrival_airport, cases, persons)
SELECT mission_id, day, office_id, programme, ak, vk, nationality, airport, sum(first_of_case), count(*)
FROM (
SELECT x.mission_id, x.day, k.office_id, k.programme, reports_scope_assignee(k.assignee_id, k.vulnerabilities) AS ak,
       reports_vulnerability_key(k.vulnerabilities) AS vk,
       coalesce((SELECT p.nationalities[1] FROM case_group_members m
                 JOIN persons p ON p.mission_id = m.mission_id AND p.id = m.person_id
                 WHERE m.mission_id = k.mission_id AND m.case_group_id = k.case_group_id AND m.role = 'principal'
                 LIMIT 1), '') AS nationality,
       coalesce((SELECT s.arrival_airport FROM booking_segments s
                 WHERE s.mission_id = x.mission_id AND s.booking_id = x.booking_id
                 ORDER BY s.position DESC LIMIT 1), '') AS airport,
       CASE WHEN EXISTS (SELECT 1 FROM case_events o
                         WHERE o.mission_id = x.mission_id AND o.case_id = x.case_id
                           AND o.kind = 'passenger_departed' AND o.id < x.id) THEN 0 ELSE 1 END AS first_of_case
FROM (SELECT e.mission_id, e.case_id, e.id, (e.data->>'bookingId')::uuid AS booking_id,
             (e.occurred_at AT TIME ZONE mi.time_zone)::date AS day
      FROM case_events e JOIN missions mi ON mi.id = e.mission_id
      WHERE e.kind = 'passenger_departed') x
JOIN cases k ON k.mission_id = x.mission_id AND k.id = x.case_id
) y
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
