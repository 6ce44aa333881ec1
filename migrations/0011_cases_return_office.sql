ALTER TABLE "cases" ADD COLUMN "return_office_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_return_office_fk" FOREIGN KEY ("mission_id","return_office_id") REFERENCES "public"."offices"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_return_office_idx" ON "cases" USING btree ("mission_id","return_office_id");