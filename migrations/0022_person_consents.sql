CREATE TABLE "person_consents" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"partner_id" uuid,
	"given_on" date NOT NULL,
	"how" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_on" date,
	"withdrawn_by" uuid,
	CONSTRAINT "person_consents_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "person_consents_partner_ck" CHECK (("person_consents"."purpose" = 'partner_sharing') = ("person_consents"."partner_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_mission_id_partner_id_partners_mission_id_id_fk" FOREIGN KEY ("mission_id","partner_id") REFERENCES "public"."partners"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_consents_person_idx" ON "person_consents" USING btree ("mission_id","person_id","purpose");