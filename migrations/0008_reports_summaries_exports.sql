CREATE TABLE "case_counts" (
	"mission_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"status" text NOT NULL,
	"assignee_key" uuid NOT NULL,
	"vulnerabilities" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "case_counts_mission_id_office_id_programme_status_assignee_key_vulnerabilities_pk" PRIMARY KEY("mission_id","office_id","programme","status","assignee_key","vulnerabilities")
);
--> statement-breakpoint
CREATE TABLE "case_departure_counts" (
	"mission_id" uuid NOT NULL,
	"day" date NOT NULL,
	"office_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"assignee_key" uuid NOT NULL,
	"vulnerabilities" text NOT NULL,
	"nationality" text NOT NULL,
	"arrival_airport" text NOT NULL,
	"cases" bigint NOT NULL,
	"persons" bigint NOT NULL,
	CONSTRAINT "case_departure_counts_mission_id_day_office_id_programme_assignee_key_vulnerabilities_nationality_arrival_airport_pk" PRIMARY KEY("mission_id","day","office_id","programme","assignee_key","vulnerabilities","nationality","arrival_airport")
);
--> statement-breakpoint
CREATE TABLE "case_task_counts" (
	"mission_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"assignee_key" uuid NOT NULL,
	"vulnerabilities" text NOT NULL,
	"due_date" date NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "case_task_counts_mission_id_office_id_programme_assignee_key_vulnerabilities_due_date_pk" PRIMARY KEY("mission_id","office_id","programme","assignee_key","vulnerabilities","due_date")
);
--> statement-breakpoint
CREATE TABLE "report_exports" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"report" text NOT NULL,
	"format" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"language" text NOT NULL,
	"status" text NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"filename" text,
	"content_type" text,
	"content" "bytea",
	"error" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "report_exports_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "report_exports_processed_ck" CHECK ("report_exports"."processed" >= 0)
);
--> statement-breakpoint
ALTER TABLE "case_counts" ADD CONSTRAINT "case_counts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_departure_counts" ADD CONSTRAINT "case_departure_counts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_task_counts" ADD CONSTRAINT "case_task_counts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_exports" ADD CONSTRAINT "report_exports_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_exports_creator_idx" ON "report_exports" USING btree ("mission_id","created_by","created_at");