CREATE TABLE "emission_factor_sets" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer,
	"version" integer NOT NULL,
	"method" text NOT NULL,
	"factors" jsonb NOT NULL,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "emission_factor_sets_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "emission_factor_sets_version_uq" UNIQUE("mission_id","name","version")
);
--> statement-breakpoint
CREATE TABLE "assist_tasks" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"airport" text NOT NULL,
	"local_date" date NOT NULL,
	"kind" text NOT NULL,
	"assignee_id" uuid,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assist_tasks_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "assist_tasks_kind_uq" UNIQUE("mission_id","booking_id","airport","kind")
);
--> statement-breakpoint
CREATE TABLE "booking_escorts" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"organisation" text,
	CONSTRAINT "booking_escorts_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "booking_passengers" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"special_needs" text[] DEFAULT '{}' NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"status_changed_by" uuid,
	CONSTRAINT "booking_passengers_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "booking_passengers_person_uq" UNIQUE("mission_id","booking_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "booking_segments" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"airline" text NOT NULL,
	"flight_number" text NOT NULL,
	"departure_airport" text NOT NULL,
	"departure_at" timestamp with time zone NOT NULL,
	"departure_time_zone" text NOT NULL,
	"departure_local_date" date NOT NULL,
	"arrival_airport" text NOT NULL,
	"arrival_at" timestamp with time zone NOT NULL,
	"arrival_time_zone" text NOT NULL,
	"arrival_local_date" date NOT NULL,
	"distance_km" integer NOT NULL,
	"co2_band" text NOT NULL,
	"co2_factor" numeric(10, 5) NOT NULL,
	"co2_kg" numeric(14, 2) NOT NULL,
	"emission_factor_set_id" uuid NOT NULL,
	CONSTRAINT "booking_segments_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "booking_segments_position_uq" UNIQUE("mission_id","booking_id","position")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"lineage_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"programme" text NOT NULL,
	"case_id" uuid,
	"status" text NOT NULL,
	"pnr" text,
	"baggage_allowance" text,
	"fitness_check_kind" text,
	"fitness_check_result" text,
	"fitness_checked_on" date,
	"supersedes_id" uuid,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "bookings_mission_id_id_pk" PRIMARY KEY("mission_id","id"),
	CONSTRAINT "bookings_lineage_version_uq" UNIQUE("mission_id","lineage_id","version")
);
--> statement-breakpoint
CREATE TABLE "passenger_handovers" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"booking_passenger_id" uuid NOT NULL,
	"receiving_party_kind" text NOT NULL,
	"receiving_party_name" text NOT NULL,
	"received_by" text NOT NULL,
	"handed_over_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "passenger_handovers_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD COLUMN "case_scope" text DEFAULT 'referred' NOT NULL;--> statement-breakpoint
ALTER TABLE "emission_factor_sets" ADD CONSTRAINT "emission_factor_sets_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_tasks" ADD CONSTRAINT "assist_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_tasks" ADD CONSTRAINT "assist_tasks_mission_id_booking_id_bookings_mission_id_id_fk" FOREIGN KEY ("mission_id","booking_id") REFERENCES "public"."bookings"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_escorts" ADD CONSTRAINT "booking_escorts_mission_id_booking_id_bookings_mission_id_id_fk" FOREIGN KEY ("mission_id","booking_id") REFERENCES "public"."bookings"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_passengers" ADD CONSTRAINT "booking_passengers_mission_id_booking_id_bookings_mission_id_id_fk" FOREIGN KEY ("mission_id","booking_id") REFERENCES "public"."bookings"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_passengers" ADD CONSTRAINT "booking_passengers_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_segments" ADD CONSTRAINT "booking_segments_mission_id_booking_id_bookings_mission_id_id_fk" FOREIGN KEY ("mission_id","booking_id") REFERENCES "public"."bookings"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_segments" ADD CONSTRAINT "booking_segments_mission_id_emission_factor_set_id_emission_factor_sets_mission_id_id_fk" FOREIGN KEY ("mission_id","emission_factor_set_id") REFERENCES "public"."emission_factor_sets"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passenger_handovers" ADD CONSTRAINT "passenger_handovers_mission_id_booking_passenger_id_booking_passengers_mission_id_id_fk" FOREIGN KEY ("mission_id","booking_passenger_id") REFERENCES "public"."booking_passengers"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assist_tasks_day_idx" ON "assist_tasks" USING btree ("mission_id","airport","local_date");--> statement-breakpoint
CREATE INDEX "booking_escorts_booking_idx" ON "booking_escorts" USING btree ("mission_id","booking_id");--> statement-breakpoint
CREATE INDEX "booking_passengers_booking_idx" ON "booking_passengers" USING btree ("mission_id","booking_id");--> statement-breakpoint
CREATE INDEX "booking_passengers_person_idx" ON "booking_passengers" USING btree ("mission_id","person_id");--> statement-breakpoint
CREATE INDEX "booking_segments_departure_idx" ON "booking_segments" USING btree ("mission_id","departure_airport","departure_local_date");--> statement-breakpoint
CREATE INDEX "booking_segments_arrival_idx" ON "booking_segments" USING btree ("mission_id","arrival_airport","arrival_local_date");--> statement-breakpoint
CREATE INDEX "booking_segments_flight_idx" ON "booking_segments" USING btree ("mission_id","airline","flight_number","departure_local_date");--> statement-breakpoint
CREATE INDEX "bookings_case_idx" ON "bookings" USING btree ("mission_id","case_id");--> statement-breakpoint
CREATE INDEX "passenger_handovers_passenger_idx" ON "passenger_handovers" USING btree ("mission_id","booking_passenger_id");