CREATE TABLE "grant_counts" (
	"mission_id" uuid NOT NULL,
	"day" date NOT NULL,
	"office_id" uuid NOT NULL,
	"return_office_key" uuid NOT NULL,
	"programme" text NOT NULL,
	"assignee_key" uuid NOT NULL,
	"vulnerabilities" text NOT NULL,
	"type" text NOT NULL,
	"currency" text NOT NULL,
	"grants" bigint NOT NULL,
	"amount" numeric NOT NULL,
	"disbursed" numeric NOT NULL,
	CONSTRAINT "grant_counts_mission_id_day_office_id_return_office_key_programme_assignee_key_vulnerabilities_type_currency_pk" PRIMARY KEY("mission_id","day","office_id","return_office_key","programme","assignee_key","vulnerabilities","type","currency")
);
--> statement-breakpoint
CREATE TABLE "pending_travel_document_counts" (
	"mission_id" uuid NOT NULL,
	"embassy_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"return_office_key" uuid NOT NULL,
	"programme" text NOT NULL,
	"assignee_key" uuid NOT NULL,
	"vulnerabilities" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "pending_travel_document_counts_mission_id_embassy_id_office_id_return_office_key_programme_assignee_key_vulnerabilities_pk" PRIMARY KEY("mission_id","embassy_id","office_id","return_office_key","programme","assignee_key","vulnerabilities")
);
--> statement-breakpoint
ALTER TABLE "grant_counts" ADD CONSTRAINT "grant_counts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_travel_document_counts" ADD CONSTRAINT "pending_travel_document_counts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;