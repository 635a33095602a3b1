CREATE TABLE `dossier_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`mdo_id` text NOT NULL,
	`series_id` text NOT NULL,
	`afspraak_id` text NOT NULL,
	`wat` text NOT NULL,
	`wie` text DEFAULT '' NOT NULL,
	`wanneer` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mdo_id`) REFERENCES `mdos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dossier_actions_dossier_idx` ON `dossier_actions` (`dossier_id`);--> statement-breakpoint
CREATE INDEX `dossier_actions_mdo_idx` ON `dossier_actions` (`mdo_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_actions_series_afspraak_uq` ON `dossier_actions` (`series_id`,`afspraak_id`);--> statement-breakpoint
CREATE TABLE `kindgesprekken` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`status` text NOT NULL,
	`revision` integer NOT NULL,
	`datum` text NOT NULL,
	`leeftijd` text NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`observaties` text DEFAULT '' NOT NULL,
	`delen_met_ouders` integer DEFAULT false NOT NULL,
	`delen_met_school` integer DEFAULT false NOT NULL,
	`delen_toelichting` text DEFAULT '' NOT NULL,
	`samenvatting` text DEFAULT '' NOT NULL,
	`afgerond_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kindgesprekken_dossier_idx` ON `kindgesprekken` (`dossier_id`,`datum`);--> statement-breakpoint
CREATE TABLE `mdos` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`series_id` text NOT NULL,
	`version` integer NOT NULL,
	`revision` integer NOT NULL,
	`status` text NOT NULL,
	`datum` text NOT NULL,
	`tijd` text DEFAULT '' NOT NULL,
	`locatie` text DEFAULT '' NOT NULL,
	`agenda` text DEFAULT '[]' NOT NULL,
	`attendees` text DEFAULT '[]' NOT NULL,
	`kind_aanwezig` text NOT NULL,
	`kind_inbreng` text NOT NULL,
	`kind_inbreng_toelichting` text DEFAULT '' NOT NULL,
	`ondersteuningsvraag_school` text DEFAULT '' NOT NULL,
	`ondersteuningsvraag_ouders` text DEFAULT '' NOT NULL,
	`ondersteuningsvraag_kind` text DEFAULT '' NOT NULL,
	`wat_gaat_goed` text DEFAULT '' NOT NULL,
	`zorgen` text DEFAULT '' NOT NULL,
	`stimulerend` text NOT NULL,
	`belemmerend` text NOT NULL,
	`onderwijsbehoeften` text DEFAULT '' NOT NULL,
	`ondersteuningsbehoefte_leerkracht` text DEFAULT '' NOT NULL,
	`cruciale_doelen` text DEFAULT '' NOT NULL,
	`afspraken` text DEFAULT '[]' NOT NULL,
	`regiehouder` text DEFAULT '' NOT NULL,
	`visie_ouders` text DEFAULT '' NOT NULL,
	`kindgesprek_id` text,
	`stem_van_het_kind` text DEFAULT '' NOT NULL,
	`weging_kindvisie` text DEFAULT '' NOT NULL,
	`evaluatiedatum` text DEFAULT '' NOT NULL,
	`consent` text DEFAULT '[]' NOT NULL,
	`correctie_reden` text DEFAULT '' NOT NULL,
	`superseded_by` text,
	`vastgesteld_at` text,
	`vastgesteld_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`vastgesteld_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mdos_dossier_idx` ON `mdos` (`dossier_id`,`datum`);--> statement-breakpoint
CREATE UNIQUE INDEX `mdos_series_version_uq` ON `mdos` (`series_id`,`version`);--> statement-breakpoint
ALTER TABLE `dossier_events` ADD `ref_id` text;