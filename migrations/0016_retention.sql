CREATE TABLE "person_anonymisations" (
	"mission_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"anonymised_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_anonymisations_mission_id_person_id_pk" PRIMARY KEY("mission_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"mission_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"years_after_closure" integer NOT NULL,
	"action" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retention_rules_mission_id_programme_pk" PRIMARY KEY("mission_id","programme")
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	CONSTRAINT "retention_runs_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
ALTER TABLE "person_anonymisations" ADD CONSTRAINT "person_anonymisations_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_anonymisations" ADD CONSTRAINT "person_anonymisations_mission_id_run_id_retention_runs_mission_id_id_fk" FOREIGN KEY ("mission_id","run_id") REFERENCES "public"."retention_runs"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;