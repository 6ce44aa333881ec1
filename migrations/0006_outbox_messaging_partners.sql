CREATE TABLE "dev_sink_messages" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"channel" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"outbox_message_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"duplicate_count" integer DEFAULT 0 NOT NULL,
	"last_duplicate_at" timestamp with time zone,
	CONSTRAINT "dev_sink_messages_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "dev_sink_messages_idempotency_uq" UNIQUE("mission_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "sms_templates" (
	"mission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "sms_templates_mission_id_kind_language_pk" PRIMARY KEY("mission_id","kind","language")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "api_keys_token_uq" UNIQUE("mission_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"referral_source" text NOT NULL,
	"default_office_id" uuid NOT NULL,
	"contact_email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partners_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "partners_name_uq" UNIQUE("mission_id","name")
);
--> statement-breakpoint
CREATE TABLE "referral_imports" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"filename" text NOT NULL,
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
	CONSTRAINT "referral_imports_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"partner_reference" text NOT NULL,
	"case_id" uuid NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "referrals_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "referrals_partner_reference_uq" UNIQUE("mission_id","partner_id","partner_reference")
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "webhook_subscriptions_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
ALTER TABLE "dev_sink_messages" ADD CONSTRAINT "dev_sink_messages_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_templates" ADD CONSTRAINT "sms_templates_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_mission_id_partner_id_partners_mission_id_id_fk" FOREIGN KEY ("mission_id","partner_id") REFERENCES "public"."partners"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_mission_id_default_office_id_offices_mission_id_id_fk" FOREIGN KEY ("mission_id","default_office_id") REFERENCES "public"."offices"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_imports" ADD CONSTRAINT "referral_imports_mission_id_partner_id_partners_mission_id_id_fk" FOREIGN KEY ("mission_id","partner_id") REFERENCES "public"."partners"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_mission_id_partner_id_partners_mission_id_id_fk" FOREIGN KEY ("mission_id","partner_id") REFERENCES "public"."partners"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_mission_id_partner_id_partners_mission_id_id_fk" FOREIGN KEY ("mission_id","partner_id") REFERENCES "public"."partners"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dev_sink_messages_received_idx" ON "dev_sink_messages" USING btree ("mission_id","received_at");--> statement-breakpoint
CREATE INDEX "api_keys_token_idx" ON "api_keys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "referral_imports_created_idx" ON "referral_imports" USING btree ("mission_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_partner_idx" ON "webhook_subscriptions" USING btree ("mission_id","partner_id");--> statement-breakpoint
ALTER TABLE "outbox_attempts" ADD CONSTRAINT "outbox_attempts_mission_id_message_id_outbox_messages_mission_id_id_fk" FOREIGN KEY ("mission_id","message_id") REFERENCES "public"."outbox_messages"("mission_id","id") ON DELETE no action ON UPDATE no action;