CREATE TABLE `dossier_events` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`at` text NOT NULL,
	`type` text NOT NULL,
	`actor_id` text,
	`fields` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dossier_events_dossier_idx` ON `dossier_events` (`dossier_id`,`at`);--> statement-breakpoint
CREATE TABLE `dossier_involved` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`position` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dossier_involved_dossier_idx` ON `dossier_involved` (`dossier_id`,`position`);--> statement-breakpoint
CREATE TABLE `dossier_parents` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`relation` text NOT NULL,
	`gezag` integer NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dossier_parents_dossier_idx` ON `dossier_parents` (`dossier_id`,`position`);--> statement-breakpoint
CREATE TABLE `dossiers` (
	`id` text PRIMARY KEY NOT NULL,
	`voornaam` text NOT NULL,
	`tussenvoegsel` text DEFAULT '' NOT NULL,
	`achternaam` text NOT NULL,
	`sort_name` text NOT NULL,
	`geboortedatum` text NOT NULL,
	`groep` text NOT NULL,
	`school_id` text NOT NULL,
	`consulent_id` text,
	`niveau` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`closed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consulent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossiers_sort_name_idx` ON `dossiers` (`sort_name`);--> statement-breakpoint
CREATE INDEX `dossiers_school_idx` ON `dossiers` (`school_id`,`sort_name`);--> statement-breakpoint
CREATE INDEX `dossiers_status_idx` ON `dossiers` (`status`,`sort_name`);--> statement-breakpoint
CREATE INDEX `dossiers_consulent_idx` ON `dossiers` (`consulent_id`,`sort_name`);--> statement-breakpoint
CREATE INDEX `dossiers_updated_idx` ON `dossiers` (`updated_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`op` text NOT NULL,
	`data` text NOT NULL,
	`base_version` integer,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `schools` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`brin` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`werkgebied_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`werkgebied_id`) REFERENCES `werkgebieden`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schools_brin_uq` ON `schools` (`brin`);--> statement-breakpoint
CREATE INDEX `schools_werkgebied_idx` ON `schools` (`werkgebied_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `werkgebieden` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `werkgebieden_name_uq` ON `werkgebieden` (lower("name"));