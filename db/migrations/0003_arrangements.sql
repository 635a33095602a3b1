CREATE TABLE `arrangement_budget_years` (
	`arrangement_id` text NOT NULL,
	`year_key` text NOT NULL,
	`werkgebied_id` text NOT NULL,
	`status` text NOT NULL,
	`cents` integer NOT NULL,
	PRIMARY KEY(`arrangement_id`, `year_key`),
	FOREIGN KEY (`arrangement_id`) REFERENCES `arrangements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `arrangement_budget_years_idx` ON `arrangement_budget_years` (`werkgebied_id`,`year_key`,`status`,`cents`);--> statement-breakpoint
CREATE TABLE `arrangements` (
	`id` text PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`dossier_id` text,
	`werkgebied_id` text NOT NULL,
	`school_id` text,
	`route` integer NOT NULL,
	`targets` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`total_cents` integer NOT NULL,
	`body` text NOT NULL,
	`follow_up_of` text,
	`followed_by` text,
	`mdo_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`werkgebied_id`) REFERENCES `werkgebieden`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `arrangements_werkgebied_idx` ON `arrangements` (`werkgebied_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `arrangements_school_idx` ON `arrangements` (`school_id`);--> statement-breakpoint
CREATE INDEX `arrangements_dossier_idx` ON `arrangements` (`dossier_id`);--> statement-breakpoint
CREATE INDEX `arrangements_status_idx` ON `arrangements` (`status`);--> statement-breakpoint
CREATE INDEX `arrangements_updated_idx` ON `arrangements` (`updated_at`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachments_owner_idx` ON `attachments` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE TABLE `budget_allocations` (
	`werkgebied_id` text NOT NULL,
	`year_key` text NOT NULL,
	`allocated_cents` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`werkgebied_id`, `year_key`),
	FOREIGN KEY (`werkgebied_id`) REFERENCES `werkgebieden`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tlv_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`revision` integer NOT NULL,
	`status` text NOT NULL,
	`period_end` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`required_documents` text NOT NULL,
	`complete_at` text,
	`submitted_at` text,
	`tlv_number` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tlv_dossier_idx` ON `tlv_applications` (`dossier_id`,`created_at`);