CREATE TABLE "counselling_sessions" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"office_id" uuid NOT NULL,
	"location" text,
	"counsellor_id" uuid NOT NULL,
	"language" text NOT NULL,
	"interpreter_used" boolean DEFAULT false NOT NULL,
	"interpreter_language" text,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"outcome" text NOT NULL,
	"next_step" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "counselling_sessions_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "outreach_activities" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"participants" integer NOT NULL,
	"notes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outreach_activities_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "outreach_activities_participants_ck" CHECK ("outreach_activities"."participants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "eligibility_decisions" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decision_date" date NOT NULL,
	"policy_version_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"overrides_decision_id" uuid,
	"justification" text,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eligibility_decisions_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "policy_country_rules" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"list" text NOT NULL,
	"country" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "policy_country_rules_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "policy_parameters" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "policy_parameters_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "policy_tariffs" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"item" text NOT NULL,
	"amount" numeric(14, 2),
	"currency" text DEFAULT 'EUR' NOT NULL,
	"basis" text DEFAULT 'fixed' NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"start_unknown" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "policy_tariffs_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_versions_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "policy_versions_number_uq" UNIQUE("mission_id","version")
);
--> statement-breakpoint
CREATE TABLE "monitoring_visits" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"mode" text NOT NULL,
	"office_id" uuid NOT NULL,
	"visited_by" uuid NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monitoring_visits_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "sustainability_surveys" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"visit_id" uuid,
	"survey_date" date NOT NULL,
	"answers" jsonb NOT NULL,
	"weights_version" integer NOT NULL,
	"economic_score" numeric(5, 4),
	"social_score" numeric(5, 4),
	"psychosocial_score" numeric(5, 4),
	"composite_score" numeric(5, 4),
	"sustainable" boolean,
	"office_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sustainability_surveys_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "sustainability_weights" (
	"mission_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"dimension_weights" jsonb NOT NULL,
	"indicator_weights" jsonb NOT NULL,
	"sustainable_threshold" numeric(5, 4),
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sustainability_weights_mission_id_version_pk" PRIMARY KEY("mission_id","version"),
	CONSTRAINT "sustainability_weights_version_ck" CHECK ("sustainability_weights"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_budgets" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_code" text NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"committed" numeric(14, 2) DEFAULT '0' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funding_budgets_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "funding_budgets_project_uq" UNIQUE("mission_id","project_code"),
	CONSTRAINT "funding_budgets_amount_ck" CHECK ("funding_budgets"."amount" >= 0),
	CONSTRAINT "funding_budgets_committed_ck" CHECK ("funding_budgets"."committed" >= 0 and "funding_budgets"."committed" <= "funding_budgets"."amount")
);
--> statement-breakpoint
CREATE TABLE "grant_disbursements" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"part" text NOT NULL,
	"method" text NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"rate_to_eur" numeric(18, 6) NOT NULL,
	"amount_eur" numeric(14, 2) NOT NULL,
	"debit" numeric(14, 2) NOT NULL,
	"paid_on" date NOT NULL,
	"office_id" uuid NOT NULL,
	"receipt_document_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grant_disbursements_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "grant_disbursements_amount_ck" CHECK ("grant_disbursements"."amount" > 0 and "grant_disbursements"."debit" > 0 and "grant_disbursements"."amount_eur" >= 0),
	CONSTRAINT "grant_disbursements_rate_ck" CHECK ("grant_disbursements"."rate_to_eur" > 0)
);
--> statement-breakpoint
CREATE TABLE "partner_ngos" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "partner_ngos_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "partner_ngos_name_uq" UNIQUE("mission_id","name")
);
--> statement-breakpoint
CREATE TABLE "reintegration_grants" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"partner_ngo_id" uuid,
	"budget_id" uuid NOT NULL,
	"origin_office_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"cash_amount" numeric(14, 2) NOT NULL,
	"disbursed_cash" numeric(14, 2) DEFAULT '0' NOT NULL,
	"disbursed_in_kind" numeric(14, 2) DEFAULT '0' NOT NULL,
	"caps_source" text NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reintegration_grants_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "reintegration_grants_amount_ck" CHECK ("reintegration_grants"."amount" > 0),
	CONSTRAINT "reintegration_grants_cash_ck" CHECK ("reintegration_grants"."cash_amount" >= 0 and "reintegration_grants"."cash_amount" <= "reintegration_grants"."amount"),
	CONSTRAINT "reintegration_grants_disbursed_cash_ck" CHECK ("reintegration_grants"."disbursed_cash" >= 0 and "reintegration_grants"."disbursed_cash" <= "reintegration_grants"."cash_amount"),
	CONSTRAINT "reintegration_grants_disbursed_in_kind_ck" CHECK ("reintegration_grants"."disbursed_in_kind" >= 0 and "reintegration_grants"."disbursed_in_kind" <= "reintegration_grants"."amount" - "reintegration_grants"."cash_amount"),
	CONSTRAINT "reintegration_grants_partner_ck" CHECK (("reintegration_grants"."type" = 'partner_ngo') = ("reintegration_grants"."partner_ngo_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "reintegration_plans" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"origin_office_id" uuid NOT NULL,
	"support_kinds" text[] NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"drafted_by" uuid NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"finalised_by" uuid,
	"finalised_at" timestamp with time zone,
	"revised_by" uuid,
	"revised_at" timestamp with time zone,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reintegration_plans_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "reintegration_plans_case_uq" UNIQUE("mission_id","case_id"),
	CONSTRAINT "reintegration_plans_kinds_ck" CHECK (cardinality("reintegration_plans"."support_kinds") > 0)
);
--> statement-breakpoint
CREATE TABLE "embassies" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"country" text NOT NULL,
	"kind" text NOT NULL,
	"city" text NOT NULL,
	"address" text,
	"phone" text,
	"email" text,
	"notes" text,
	"reminder_days" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "embassies_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "travel_document_requests" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"embassy_id" uuid NOT NULL,
	"status" text NOT NULL,
	"requested_on" date NOT NULL,
	"interview_on" date,
	"document_kind" text,
	"document_number" text,
	"valid_from" date,
	"valid_until" date,
	"person_document_id" uuid,
	"reason" text,
	"notes" text,
	"reminder_task_id" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "travel_document_requests_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "vulnerability_steps" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"category" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"budget_amount" numeric(14, 2),
	"budget_currency" text,
	"task_id" uuid,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vulnerability_steps_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "vulnerability_steps_case_code_uq" UNIQUE("mission_id","case_id","code"),
	CONSTRAINT "vulnerability_steps_task_uq" UNIQUE("mission_id","task_id")
);
--> statement-breakpoint
ALTER TABLE "counselling_sessions" ADD CONSTRAINT "counselling_sessions_counsellor_id_users_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_sessions" ADD CONSTRAINT "counselling_sessions_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_sessions" ADD CONSTRAINT "counselling_sessions_mission_id_office_id_offices_mission_id_id_fk" FOREIGN KEY ("mission_id","office_id") REFERENCES "public"."offices"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_mission_id_office_id_offices_mission_id_id_fk" FOREIGN KEY ("mission_id","office_id") REFERENCES "public"."offices"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_mission_id_policy_version_id_policy_versions_mission_id_id_fk" FOREIGN KEY ("mission_id","policy_version_id") REFERENCES "public"."policy_versions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_mission_id_overrides_decision_id_eligibility_decisions_mission_id_id_fk" FOREIGN KEY ("mission_id","overrides_decision_id") REFERENCES "public"."eligibility_decisions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_country_rules" ADD CONSTRAINT "policy_country_rules_mission_id_version_id_policy_versions_mission_id_id_fk" FOREIGN KEY ("mission_id","version_id") REFERENCES "public"."policy_versions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_parameters" ADD CONSTRAINT "policy_parameters_mission_id_version_id_policy_versions_mission_id_id_fk" FOREIGN KEY ("mission_id","version_id") REFERENCES "public"."policy_versions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_tariffs" ADD CONSTRAINT "policy_tariffs_mission_id_version_id_policy_versions_mission_id_id_fk" FOREIGN KEY ("mission_id","version_id") REFERENCES "public"."policy_versions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_visits" ADD CONSTRAINT "monitoring_visits_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_visits" ADD CONSTRAINT "monitoring_visits_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_visits" ADD CONSTRAINT "monitoring_visits_mission_id_office_id_offices_mission_id_id_fk" FOREIGN KEY ("mission_id","office_id") REFERENCES "public"."offices"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_surveys" ADD CONSTRAINT "sustainability_surveys_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_surveys" ADD CONSTRAINT "sustainability_surveys_mission_id_visit_id_monitoring_visits_mission_id_id_fk" FOREIGN KEY ("mission_id","visit_id") REFERENCES "public"."monitoring_visits"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_surveys" ADD CONSTRAINT "sustainability_surveys_mission_id_weights_version_sustainability_weights_mission_id_version_fk" FOREIGN KEY ("mission_id","weights_version") REFERENCES "public"."sustainability_weights"("mission_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_surveys" ADD CONSTRAINT "sustainability_surveys_mission_id_office_id_offices_mission_id_id_fk" FOREIGN KEY ("mission_id","office_id") REFERENCES "public"."offices"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_weights" ADD CONSTRAINT "sustainability_weights_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_budgets" ADD CONSTRAINT "funding_budgets_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_disbursements" ADD CONSTRAINT "grant_disbursements_mission_id_grant_id_reintegration_grants_mission_id_id_fk" FOREIGN KEY ("mission_id","grant_id") REFERENCES "public"."reintegration_grants"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_disbursements" ADD CONSTRAINT "grant_disbursements_mission_id_office_id_offices_mission_id_id_fk" FOREIGN KEY ("mission_id","office_id") REFERENCES "public"."offices"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_disbursements" ADD CONSTRAINT "grant_disbursements_mission_id_receipt_document_id_case_documents_mission_id_id_fk" FOREIGN KEY ("mission_id","receipt_document_id") REFERENCES "public"."case_documents"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_ngos" ADD CONSTRAINT "partner_ngos_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_grants" ADD CONSTRAINT "reintegration_grants_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_grants" ADD CONSTRAINT "reintegration_grants_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_grants" ADD CONSTRAINT "reintegration_grants_mission_id_budget_id_funding_budgets_mission_id_id_fk" FOREIGN KEY ("mission_id","budget_id") REFERENCES "public"."funding_budgets"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_grants" ADD CONSTRAINT "reintegration_grants_mission_id_partner_ngo_id_partner_ngos_mission_id_id_fk" FOREIGN KEY ("mission_id","partner_ngo_id") REFERENCES "public"."partner_ngos"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_grants" ADD CONSTRAINT "reintegration_grants_mission_id_origin_office_id_offices_mission_id_id_fk" FOREIGN KEY ("mission_id","origin_office_id") REFERENCES "public"."offices"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_mission_id_origin_office_id_offices_mission_id_id_fk" FOREIGN KEY ("mission_id","origin_office_id") REFERENCES "public"."offices"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_document_requests" ADD CONSTRAINT "travel_document_requests_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_document_requests" ADD CONSTRAINT "travel_document_requests_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_document_requests" ADD CONSTRAINT "travel_document_requests_mission_id_embassy_id_embassies_mission_id_id_fk" FOREIGN KEY ("mission_id","embassy_id") REFERENCES "public"."embassies"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_document_requests" ADD CONSTRAINT "travel_document_requests_mission_id_reminder_task_id_case_tasks_mission_id_id_fk" FOREIGN KEY ("mission_id","reminder_task_id") REFERENCES "public"."case_tasks"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_steps" ADD CONSTRAINT "vulnerability_steps_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_steps" ADD CONSTRAINT "vulnerability_steps_mission_id_task_id_case_tasks_mission_id_id_fk" FOREIGN KEY ("mission_id","task_id") REFERENCES "public"."case_tasks"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "counselling_sessions_case_idx" ON "counselling_sessions" USING btree ("mission_id","case_id","held_on");--> statement-breakpoint
CREATE INDEX "counselling_sessions_office_idx" ON "counselling_sessions" USING btree ("mission_id","office_id","held_on");--> statement-breakpoint
CREATE INDEX "outreach_activities_office_idx" ON "outreach_activities" USING btree ("mission_id","office_id","held_on");--> statement-breakpoint
CREATE INDEX "eligibility_decisions_case_idx" ON "eligibility_decisions" USING btree ("mission_id","case_id","decided_at");--> statement-breakpoint
CREATE INDEX "policy_country_rules_version_idx" ON "policy_country_rules" USING btree ("mission_id","version_id");--> statement-breakpoint
CREATE INDEX "policy_parameters_version_idx" ON "policy_parameters" USING btree ("mission_id","version_id");--> statement-breakpoint
CREATE INDEX "policy_tariffs_version_idx" ON "policy_tariffs" USING btree ("mission_id","version_id");--> statement-breakpoint
CREATE INDEX "policy_versions_effective_idx" ON "policy_versions" USING btree ("mission_id","effective_from");--> statement-breakpoint
CREATE INDEX "monitoring_visits_case_idx" ON "monitoring_visits" USING btree ("mission_id","case_id","visit_date");--> statement-breakpoint
CREATE INDEX "sustainability_surveys_case_idx" ON "sustainability_surveys" USING btree ("mission_id","case_id","survey_date");--> statement-breakpoint
CREATE INDEX "grant_disbursements_grant_idx" ON "grant_disbursements" USING btree ("mission_id","grant_id","recorded_at");--> statement-breakpoint
CREATE INDEX "reintegration_grants_case_idx" ON "reintegration_grants" USING btree ("mission_id","case_id");--> statement-breakpoint
CREATE INDEX "reintegration_grants_office_idx" ON "reintegration_grants" USING btree ("mission_id","origin_office_id");--> statement-breakpoint
CREATE INDEX "reintegration_plans_office_idx" ON "reintegration_plans" USING btree ("mission_id","origin_office_id");--> statement-breakpoint
CREATE INDEX "embassies_country_idx" ON "embassies" USING btree ("mission_id","country");--> statement-breakpoint
CREATE INDEX "travel_document_requests_case_idx" ON "travel_document_requests" USING btree ("mission_id","case_id");--> statement-breakpoint
CREATE INDEX "travel_document_requests_open_idx" ON "travel_document_requests" USING btree ("mission_id","status","embassy_id");--> statement-breakpoint
CREATE INDEX "vulnerability_steps_case_idx" ON "vulnerability_steps" USING btree ("mission_id","case_id","position");