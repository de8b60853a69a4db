CREATE TABLE "cache_tags" (
	"tag" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cache_tags_seq_idx" ON "cache_tags" USING btree ("seq");