-- The dashboard's reintegration grants and pending travel documents, kept like the other summaries
-- (0009, 0010): a full year of grants or a long history of requests no longer has to be read on
-- every request. Both follow their case's key, including its return office, so a case that changes
-- office, return office, programme, assignee or vulnerabilities takes its grants and open requests along.
CREATE OR REPLACE FUNCTION reports_grants_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO grant_counts AS c (mission_id, day, office_id, return_office_key, programme, assignee_key, vulnerabilities, type, currency, grants, amount, disbursed)
  SELECT k.mission_id, (g.created_at AT TIME ZONE 'Europe/Amsterdam')::date,
         k.office_id, coalesce(k.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid), k.programme,
         reports_scope_assignee(k.assignee_id, k.vulnerabilities), reports_vulnerability_key(k.vulnerabilities),
         g.type, g.currency, sum(g.delta), sum(g.delta * g.amount), sum(g.delta * g.disbursed)
  FROM (SELECT mission_id, case_id, created_at, type, currency, amount, disbursed_cash + disbursed_in_kind AS disbursed, 1 AS delta FROM new_rows) g
  JOIN cases k ON k.mission_id = g.mission_id AND k.id = g.case_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(g.delta) <> 0 OR sum(g.delta * g.amount) <> 0 OR sum(g.delta * g.disbursed) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (mission_id, day, office_id, return_office_key, programme, assignee_key, vulnerabilities, type, currency)
  DO UPDATE SET grants = c.grants + excluded.grants, amount = c.amount + excluded.amount,
                disbursed = c.disbursed + excluded.disbursed;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_grants_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO grant_counts AS c (mission_id, day, office_id, return_office_key, programme, assignee_key, vulnerabilities, type, currency, grants, amount, disbursed)
  SELECT k.mission_id, (g.created_at AT TIME ZONE 'Europe/Amsterdam')::date,
         k.office_id, coalesce(k.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid), k.programme,
         reports_scope_assignee(k.assignee_id, k.vulnerabilities), reports_vulnerability_key(k.vulnerabilities),
         g.type, g.currency, sum(g.delta), sum(g.delta * g.amount), sum(g.delta * g.disbursed)
  FROM (SELECT mission_id, case_id, created_at, type, currency, amount, disbursed_cash + disbursed_in_kind AS disbursed, 1 AS delta FROM new_rows UNION ALL SELECT mission_id, case_id, created_at, type, currency, amount, disbursed_cash + disbursed_in_kind AS disbursed, -1 FROM old_rows) g
  JOIN cases k ON k.mission_id = g.mission_id AND k.id = g.case_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(g.delta) <> 0 OR sum(g.delta * g.amount) <> 0 OR sum(g.delta * g.disbursed) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (mission_id, day, office_id, return_office_key, programme, assignee_key, vulnerabilities, type, currency)
  DO UPDATE SET grants = c.grants + excluded.grants, amount = c.amount + excluded.amount,
                disbursed = c.disbursed + excluded.disbursed;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_grants_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO grant_counts AS c (mission_id, day, office_id, return_office_key, programme, assignee_key, vulnerabilities, type, currency, grants, amount, disbursed)
  SELECT k.mission_id, (g.created_at AT TIME ZONE 'Europe/Amsterdam')::date,
         k.office_id, coalesce(k.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid), k.programme,
         reports_scope_assignee(k.assignee_id, k.vulnerabilities), reports_vulnerability_key(k.vulnerabilities),
         g.type, g.currency, sum(g.delta), sum(g.delta * g.amount), sum(g.delta * g.disbursed)
  FROM (SELECT mission_id, case_id, created_at, type, currency, amount, disbursed_cash + disbursed_in_kind AS disbursed, -1 AS delta FROM old_rows) g
  JOIN cases k ON k.mission_id = g.mission_id AND k.id = g.case_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(g.delta) <> 0 OR sum(g.delta * g.amount) <> 0 OR sum(g.delta * g.disbursed) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (mission_id, day, office_id, return_office_key, programme, assignee_key, vulnerabilities, type, currency)
  DO UPDATE SET grants = c.grants + excluded.grants, amount = c.amount + excluded.amount,
                disbursed = c.disbursed + excluded.disbursed;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_grants_insert AFTER INSERT ON reintegration_grants
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_grants_inserted();
--> statement-breakpoint
CREATE TRIGGER reports_grants_update AFTER UPDATE ON reintegration_grants
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_grants_updated();
--> statement-breakpoint
CREATE TRIGGER reports_grants_delete AFTER DELETE ON reintegration_grants
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_grants_deleted();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_documents_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pending_travel_document_counts AS c (mission_id, embassy_id, office_id, return_office_key, programme, assignee_key, vulnerabilities, n)
  SELECT k.mission_id, r.embassy_id,
         k.office_id, coalesce(k.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid), k.programme,
         reports_scope_assignee(k.assignee_id, k.vulnerabilities), reports_vulnerability_key(k.vulnerabilities),
         sum(r.delta)
  FROM (SELECT mission_id, case_id, embassy_id, status, 1 AS delta FROM new_rows) r
  JOIN cases k ON k.mission_id = r.mission_id AND k.id = r.case_id
  WHERE r.status IN ('requested', 'interview_scheduled')
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(r.delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (mission_id, embassy_id, office_id, return_office_key, programme, assignee_key, vulnerabilities)
  DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_documents_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pending_travel_document_counts AS c (mission_id, embassy_id, office_id, return_office_key, programme, assignee_key, vulnerabilities, n)
  SELECT k.mission_id, r.embassy_id,
         k.office_id, coalesce(k.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid), k.programme,
         reports_scope_assignee(k.assignee_id, k.vulnerabilities), reports_vulnerability_key(k.vulnerabilities),
         sum(r.delta)
  FROM (SELECT mission_id, case_id, embassy_id, status, 1 AS delta FROM new_rows UNION ALL SELECT mission_id, case_id, embassy_id, status, -1 FROM old_rows) r
  JOIN cases k ON k.mission_id = r.mission_id AND k.id = r.case_id
  WHERE r.status IN ('requested', 'interview_scheduled')
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(r.delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (mission_id, embassy_id, office_id, return_office_key, programme, assignee_key, vulnerabilities)
  DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_documents_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pending_travel_document_counts AS c (mission_id, embassy_id, office_id, return_office_key, programme, assignee_key, vulnerabilities, n)
  SELECT k.mission_id, r.embassy_id,
         k.office_id, coalesce(k.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid), k.programme,
         reports_scope_assignee(k.assignee_id, k.vulnerabilities), reports_vulnerability_key(k.vulnerabilities),
         sum(r.delta)
  FROM (SELECT mission_id, case_id, embassy_id, status, -1 AS delta FROM old_rows) r
  JOIN cases k ON k.mission_id = r.mission_id AND k.id = r.case_id
  WHERE r.status IN ('requested', 'interview_scheduled')
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(r.delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (mission_id, embassy_id, office_id, return_office_key, programme, assignee_key, vulnerabilities)
  DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_documents_insert AFTER INSERT ON travel_document_requests
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_documents_inserted();
--> statement-breakpoint
CREATE TRIGGER reports_documents_update AFTER UPDATE ON travel_document_requests
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_documents_updated();
--> statement-breakpoint
CREATE TRIGGER reports_documents_delete AFTER DELETE ON travel_document_requests
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_documents_deleted();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_cases_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (a transition, a note on the case) move nothing: leave at once.
  IF NOT EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n.mission_id = o.mission_id AND n.id = o.id
    WHERE o.office_id <> n.office_id OR o.return_office_id IS DISTINCT FROM n.return_office_id
       OR o.programme <> n.programme
       OR reports_scope_assignee(o.assignee_id, o.vulnerabilities) <> reports_scope_assignee(n.assignee_id, n.vulnerabilities)
       OR reports_vulnerability_key(o.vulnerabilities) <> reports_vulnerability_key(n.vulnerabilities)
  ) THEN
    RETURN NULL;
  END IF;

  WITH moved AS (
    SELECT o.mission_id, o.id, -1 AS delta, o.office_id, coalesce(o.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid) AS return_office_key,
           o.programme, reports_scope_assignee(o.assignee_id, o.vulnerabilities) AS assignee_key,
           reports_vulnerability_key(o.vulnerabilities) AS vulnerabilities
    FROM old_rows o JOIN new_rows n ON n.mission_id = o.mission_id AND n.id = o.id
    WHERE o.office_id <> n.office_id OR o.return_office_id IS DISTINCT FROM n.return_office_id
       OR o.programme <> n.programme
       OR reports_scope_assignee(o.assignee_id, o.vulnerabilities) <> reports_scope_assignee(n.assignee_id, n.vulnerabilities)
       OR reports_vulnerability_key(o.vulnerabilities) <> reports_vulnerability_key(n.vulnerabilities)
    UNION ALL
    SELECT n.mission_id, n.id, 1 AS delta, n.office_id, coalesce(n.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid) AS return_office_key,
           n.programme, reports_scope_assignee(n.assignee_id, n.vulnerabilities) AS assignee_key,
           reports_vulnerability_key(n.vulnerabilities) AS vulnerabilities
    FROM old_rows o JOIN new_rows n ON n.mission_id = o.mission_id AND n.id = o.id
    WHERE o.office_id <> n.office_id OR o.return_office_id IS DISTINCT FROM n.return_office_id
       OR o.programme <> n.programme
       OR reports_scope_assignee(o.assignee_id, o.vulnerabilities) <> reports_scope_assignee(n.assignee_id, n.vulnerabilities)
       OR reports_vulnerability_key(o.vulnerabilities) <> reports_vulnerability_key(n.vulnerabilities)
  )
  INSERT INTO grant_counts AS c (mission_id, day, office_id, return_office_key, programme, assignee_key, vulnerabilities, type, currency, grants, amount, disbursed)
  SELECT m.mission_id, (g.created_at AT TIME ZONE 'Europe/Amsterdam')::date, m.office_id, m.return_office_key,
         m.programme, m.assignee_key, m.vulnerabilities, g.type, g.currency,
         sum(m.delta), sum(m.delta * g.amount), sum(m.delta * (g.disbursed_cash + g.disbursed_in_kind))
  FROM moved m
  JOIN reintegration_grants g ON g.mission_id = m.mission_id AND g.case_id = m.id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(m.delta) <> 0 OR sum(m.delta * g.amount) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (mission_id, day, office_id, return_office_key, programme, assignee_key, vulnerabilities, type, currency)
  DO UPDATE SET grants = c.grants + excluded.grants, amount = c.amount + excluded.amount,
                disbursed = c.disbursed + excluded.disbursed;

  WITH moved AS (
    SELECT o.mission_id, o.id, -1 AS delta, o.office_id, coalesce(o.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid) AS return_office_key,
           o.programme, reports_scope_assignee(o.assignee_id, o.vulnerabilities) AS assignee_key,
           reports_vulnerability_key(o.vulnerabilities) AS vulnerabilities
    FROM old_rows o JOIN new_rows n ON n.mission_id = o.mission_id AND n.id = o.id
    WHERE o.office_id <> n.office_id OR o.return_office_id IS DISTINCT FROM n.return_office_id
       OR o.programme <> n.programme
       OR reports_scope_assignee(o.assignee_id, o.vulnerabilities) <> reports_scope_assignee(n.assignee_id, n.vulnerabilities)
       OR reports_vulnerability_key(o.vulnerabilities) <> reports_vulnerability_key(n.vulnerabilities)
    UNION ALL
    SELECT n.mission_id, n.id, 1 AS delta, n.office_id, coalesce(n.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid) AS return_office_key,
           n.programme, reports_scope_assignee(n.assignee_id, n.vulnerabilities) AS assignee_key,
           reports_vulnerability_key(n.vulnerabilities) AS vulnerabilities
    FROM old_rows o JOIN new_rows n ON n.mission_id = o.mission_id AND n.id = o.id
    WHERE o.office_id <> n.office_id OR o.return_office_id IS DISTINCT FROM n.return_office_id
       OR o.programme <> n.programme
       OR reports_scope_assignee(o.assignee_id, o.vulnerabilities) <> reports_scope_assignee(n.assignee_id, n.vulnerabilities)
       OR reports_vulnerability_key(o.vulnerabilities) <> reports_vulnerability_key(n.vulnerabilities)
  )
  INSERT INTO pending_travel_document_counts AS c (mission_id, embassy_id, office_id, return_office_key, programme, assignee_key, vulnerabilities, n)
  SELECT m.mission_id, r.embassy_id, m.office_id, m.return_office_key, m.programme, m.assignee_key,
         m.vulnerabilities, sum(m.delta)
  FROM moved m
  JOIN travel_document_requests r ON r.mission_id = m.mission_id AND r.case_id = m.id
  WHERE r.status IN ('requested', 'interview_scheduled')
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(m.delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (mission_id, embassy_id, office_id, return_office_key, programme, assignee_key, vulnerabilities)
  DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_cases_move AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_cases_moved();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_rebuild_grant_document_counts(p_mission uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM grant_counts WHERE mission_id = p_mission;
  DELETE FROM pending_travel_document_counts WHERE mission_id = p_mission;
  INSERT INTO grant_counts (mission_id, day, office_id, return_office_key, programme, assignee_key, vulnerabilities, type, currency, grants, amount, disbursed)
  SELECT k.mission_id, (g.created_at AT TIME ZONE 'Europe/Amsterdam')::date,
         k.office_id, coalesce(k.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid), k.programme,
         reports_scope_assignee(k.assignee_id, k.vulnerabilities), reports_vulnerability_key(k.vulnerabilities),
         g.type, g.currency, count(*), sum(g.amount), sum(g.disbursed_cash + g.disbursed_in_kind)
  FROM reintegration_grants g JOIN cases k ON k.mission_id = g.mission_id AND k.id = g.case_id
  WHERE g.mission_id = p_mission
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  INSERT INTO pending_travel_document_counts (mission_id, embassy_id, office_id, return_office_key, programme, assignee_key, vulnerabilities, n)
  SELECT k.mission_id, r.embassy_id,
         k.office_id, coalesce(k.return_office_id, '00000000-0000-0000-0000-000000000000'::uuid), k.programme,
         reports_scope_assignee(k.assignee_id, k.vulnerabilities), reports_vulnerability_key(k.vulnerabilities),
         count(*)
  FROM travel_document_requests r JOIN cases k ON k.mission_id = r.mission_id AND k.id = r.case_id
  WHERE r.mission_id = p_mission AND r.status IN ('requested', 'interview_scheduled')
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
END;
$$;
--> statement-breakpoint
-- The summaries' one rebuild function now rebuilds these too (its body of 0010, then the new tables).
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
  PERFORM reports_rebuild_grant_document_counts(p_mission);
END;
$$;
--> statement-breakpoint
SELECT reports_rebuild_grant_document_counts(id) FROM missions;
