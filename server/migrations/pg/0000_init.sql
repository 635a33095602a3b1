CREATE TABLE "associations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"head" bigint DEFAULT 0 NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blob_chunks" (
	"association_id" text NOT NULL,
	"sha256" text NOT NULL,
	"chunk_offset" bigint NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "blob_chunks_association_id_sha256_chunk_offset_pk" PRIMARY KEY("association_id","sha256","chunk_offset")
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"association_id" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"received" bigint DEFAULT 0 NOT NULL,
	"complete" integer DEFAULT 0 NOT NULL,
	"uploaded_by" text,
	"created_at" text NOT NULL,
	CONSTRAINT "blobs_association_id_sha256_pk" PRIMARY KEY("association_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"association_id" text NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" text NOT NULL,
	"last_seen_at" text,
	"revoked_at" text,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "devices_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "enrollment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" text NOT NULL,
	"used_at" text
);
--> statement-breakpoint
CREATE TABLE "evictions" (
	"association_id" text NOT NULL,
	"version" bigint NOT NULL,
	"entity" text NOT NULL,
	"id" text NOT NULL,
	"scope_werkgebied" text,
	"scope_school" text,
	"new_werkgebied" text,
	"new_school" text,
	"changed_at" text NOT NULL,
	CONSTRAINT "evictions_association_id_version_pk" PRIMARY KEY("association_id","version")
);
--> statement-breakpoint
CREATE TABLE "history" (
	"association_id" text NOT NULL,
	"version" bigint NOT NULL,
	"entity" text NOT NULL,
	"id" text NOT NULL,
	"user_id" text,
	"device_id" text,
	"changed_at" text NOT NULL,
	"fields" text NOT NULL,
	"lost" text NOT NULL,
	CONSTRAINT "history_association_id_version_pk" PRIMARY KEY("association_id","version")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"bucket" text NOT NULL,
	"window_start" bigint NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
CREATE TABLE "records" (
	"association_id" text NOT NULL,
	"entity" text NOT NULL,
	"id" text NOT NULL,
	"data" text NOT NULL,
	"version" bigint NOT NULL,
	"deleted" integer DEFAULT 0 NOT NULL,
	"scope_werkgebied" text,
	"scope_school" text,
	"scope_parent" text,
	"blob_sha256" text,
	"updated_by" text,
	"updated_at" text NOT NULL,
	"changed" text DEFAULT '[]' NOT NULL,
	CONSTRAINT "records_association_id_entity_id_pk" PRIMARY KEY("association_id","entity","id")
);
--> statement-breakpoint
CREATE TABLE "seen" (
	"device_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"result" text NOT NULL,
	CONSTRAINT "seen_device_id_seq_pk" PRIMARY KEY("device_id","seq")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"association_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"werkgebied_ids" text DEFAULT '[]' NOT NULL,
	"school_id" text,
	"scope_epoch" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "devices_association" ON "devices" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "history_record" ON "history" USING btree ("association_id","entity","id");--> statement-breakpoint
CREATE INDEX "records_version" ON "records" USING btree ("association_id","version");--> statement-breakpoint
CREATE INDEX "records_scope_parent" ON "records" USING btree ("association_id","scope_parent");--> statement-breakpoint
CREATE INDEX "records_blob" ON "records" USING btree ("association_id","blob_sha256");--> statement-breakpoint
CREATE INDEX "users_association" ON "users" USING btree ("association_id");