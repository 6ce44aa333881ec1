-- Overdue tasks and departures need the assignee only for the one visibility exception (a victim
-- of trafficking is shown to their assignee): keying every case by assignee made one summary row
-- per departure. They now keep the assignee for trafficking cases only, and are rebuilt.
CREATE OR REPLACE FUNCTION reports_scope_assignee(assignee uuid, v text[]) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN 'victim_of_trafficking' = ANY(v) THEN coalesce(assignee, '00000000-0000-0000-0000-000000000000'::uuid) ELSE '00000000-0000-0000-0000-000000000000'::uuid END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_cases_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT mission_id, office_id, programme, status,
           coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS ak,
           reports_vulnerability_key(vulnerabilities) AS vk, 1 AS delta
    FROM new_rows
    UNION ALL
    SELECT mission_id, office_id, programme, status,
           coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid),
           reports_vulnerability_key(vulnerabilities), -1
    FROM old_rows
  )
  INSERT INTO case_counts AS c (mission_id, office_id, programme, status, assignee_key, vulnerabilities, n)
  SELECT mission_id, office_id, programme, status, ak, vk, sum(delta)
  FROM d GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (mission_id, office_id, programme, status, assignee_key, vulnerabilities)
  DO UPDATE SET n = c.n + excluded.n;

  -- A case that changes office, programme, assignee or vulnerabilities takes its open tasks along.
  WITH moved AS (
    SELECT o.mission_id, o.id,
           o.office_id AS o_office, o.programme AS o_programme,
           reports_scope_assignee(o.assignee_id, o.vulnerabilities) AS o_ak,
           reports_vulnerability_key(o.vulnerabilities) AS o_vk,
           n.office_id AS n_office, n.programme AS n_programme,
           reports_scope_assignee(n.assignee_id, n.vulnerabilities) AS n_ak,
           reports_vulnerability_key(n.vulnerabilities) AS n_vk
    FROM old_rows o JOIN new_rows n ON n.mission_id = o.mission_id AND n.id = o.id
    WHERE o.office_id <> n.office_id OR o.programme <> n.programme
       OR o.assignee_id IS DISTINCT FROM n.assignee_id OR o.vulnerabilities IS DISTINCT FROM n.vulnerabilities
  ), d AS (
    SELECT m.mission_id, m.o_office AS office_id, m.o_programme AS programme, m.o_ak AS ak, m.o_vk AS vk,
           t.due_date, -1 AS delta
    FROM moved m JOIN case_tasks t ON t.mission_id = m.mission_id AND t.case_id = m.id
    WHERE t.done_at IS NULL AND t.due_date IS NOT NULL
    UNION ALL
    SELECT m.mission_id, m.n_office, m.n_programme, m.n_ak, m.n_vk, t.due_date, 1
    FROM moved m JOIN case_tasks t ON t.mission_id = m.mission_id AND t.case_id = m.id
    WHERE t.done_at IS NULL AND t.due_date IS NOT NULL
  )
  INSERT INTO case_task_counts AS c (mission_id, office_id, programme, assignee_key, vulnerabilities, due_date, n)
  SELECT mission_id, office_id, programme, ak, vk, due_date, sum(delta)
  FROM d GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (mission_id, office_id, programme, assignee_key, vulnerabilities, due_date)
  DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_tasks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT t.mission_id, t.case_id, t.due_date, t.delta FROM (
      SELECT mission_id, case_id, due_date, done_at, 1 AS delta FROM new_rows
    ) t WHERE t.done_at IS NULL AND t.due_date IS NOT NULL
  )
  INSERT INTO case_task_counts AS c (mission_id, office_id, programme, assignee_key, vulnerabilities, due_date, n)
  SELECT k.mission_id, k.office_id, k.programme, reports_scope_assignee(k.assignee_id, k.vulnerabilities),
         reports_vulnerability_key(k.vulnerabilities), d.due_date, sum(d.delta)
  FROM d JOIN cases k ON k.mission_id = d.mission_id AND k.id = d.case_id
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (mission_id, office_id, programme, assignee_key, vulnerabilities, due_date)
  DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_tasks_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT t.mission_id, t.case_id, t.due_date, t.delta FROM (
      SELECT mission_id, case_id, due_date, done_at, 1 AS delta FROM new_rows
      UNION ALL
      SELECT mission_id, case_id, due_date, done_at, -1 AS delta FROM old_rows
    ) t WHERE t.done_at IS NULL AND t.due_date IS NOT NULL
  )
  INSERT INTO case_task_counts AS c (mission_id, office_id, programme, assignee_key, vulnerabilities, due_date, n)
  SELECT k.mission_id, k.office_id, k.programme, reports_scope_assignee(k.assignee_id, k.vulnerabilities),
         reports_vulnerability_key(k.vulnerabilities), d.due_date, sum(d.delta)
  FROM d JOIN cases k ON k.mission_id = d.mission_id AND k.id = d.case_id
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (mission_id, office_id, programme, assignee_key, vulnerabilities, due_date)
  DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_tasks_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT t.mission_id, t.case_id, t.due_date, t.delta FROM (
      SELECT mission_id, case_id, due_date, done_at, -1 AS delta FROM old_rows
    ) t WHERE t.done_at IS NULL AND t.due_date IS NOT NULL
  )
  INSERT INTO case_task_counts AS c (mission_id, office_id, programme, assignee_key, vulnerabilities, due_date, n)
  SELECT k.mission_id, k.office_id, k.programme, reports_scope_assignee(k.assignee_id, k.vulnerabilities),
         reports_vulnerability_key(k.vulnerabilities), d.due_date, sum(d.delta)
  FROM d JOIN cases k ON k.mission_id = d.mission_id AND k.id = d.case_id
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (mission_id, office_id, programme, assignee_key, vulnerabilities, due_date)
  DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
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
  FROM (SELECT e.mission_id, e.case_id, (e.at AT TIME ZONE 'Europe/Amsterdam')::date AS day
        FROM new_rows e WHERE e.kind = 'status_changed' AND e.data->>'to' = 'departed') x
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
  FROM (SELECT e.mission_id, e.case_id, (e.at AT TIME ZONE 'Europe/Amsterdam')::date AS day
        FROM case_events e WHERE e.kind = 'status_changed' AND e.data->>'to' = 'departed' AND e.mission_id = p_mission) x
  JOIN cases k ON k.mission_id = x.mission_id AND k.id = x.case_id
  ) y
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (mission_id, day, office_id, programme, assignee_key, vulnerabilities, nationality, arrival_airport)
  DO UPDATE SET cases = c.cases + excluded.cases, persons = c.persons + excluded.persons;
END;
$$;
--> statement-breakpoint
SELECT reports_rebuild_summaries(id) FROM missions;
