CREATE TABLE "history_import_keys" (
	"mission_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	CONSTRAINT "history_import_keys_mission_id_source_id_pk" PRIMARY KEY("mission_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "history_imports" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"filename" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"existing" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"finished_at" timestamp with time zone,
	CONSTRAINT "history_imports_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
ALTER TABLE "history_import_keys" ADD CONSTRAINT "history_import_keys_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_imports" ADD CONSTRAINT "history_imports_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "history_imports_created_idx" ON "history_imports" USING btree ("mission_id","created_at");