CREATE TABLE `association_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `commission_items` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`dossier_id` text,
	`minutes` integer NOT NULL,
	`guests` text DEFAULT '[]' NOT NULL,
	`checks` text DEFAULT '{}' NOT NULL,
	`decision` text,
	`letters_sent_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `commission_meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `commission_items_meeting_idx` ON `commission_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `commission_items_subject_idx` ON `commission_items` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `commission_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL,
	`datum` text NOT NULL,
	`tijd` text NOT NULL,
	`locatie` text DEFAULT '' NOT NULL,
	`online` integer DEFAULT 0 NOT NULL,
	`link` text DEFAULT '' NOT NULL,
	`members` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`notulen` text DEFAULT '' NOT NULL,
	`notulen_status` text NOT NULL,
	`vastgesteld_at` text,
	`vastgesteld_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `commission_meetings_datum_idx` ON `commission_meetings` (`datum`);--> statement-breakpoint
CREATE TABLE `tlv_number_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`series` text NOT NULL,
	`first` integer NOT NULL,
	`last` integer NOT NULL,
	`next` integer NOT NULL,
	`source` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tlv_number_blocks_series_idx` ON `tlv_number_blocks` (`series`,`first`);--> statement-breakpoint
ALTER TABLE `arrangements` ADD `decision` text;--> statement-breakpoint
ALTER TABLE `arrangements` ADD `send_back` text;--> statement-breakpoint
ALTER TABLE `tlv_applications` ADD `decision` text;--> statement-breakpoint
ALTER TABLE `tlv_applications` ADD `send_back` text;--> statement-breakpoint
INSERT INTO `association_settings` (`key`, `value`, `updated_at`) SELECT `key`, `value`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `settings` WHERE `key` = 'budgets';--> statement-breakpoint
DELETE FROM `settings` WHERE `key` = 'budgets';
