CREATE TABLE "tlv_number_blocks" (
	"association_id" text NOT NULL,
	"series" text NOT NULL,
	"first" bigint NOT NULL,
	"last" bigint NOT NULL,
	"device_id" text NOT NULL,
	"request_id" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "tlv_number_blocks_device_id_request_id_pk" PRIMARY KEY("device_id","request_id")
);
--> statement-breakpoint
CREATE INDEX "tlv_number_blocks_series" ON "tlv_number_blocks" USING btree ("association_id","series","last");