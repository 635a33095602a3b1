CREATE TABLE `retention_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`rule` text NOT NULL,
	`run_date` text NOT NULL,
	`count` integer NOT NULL,
	`by_name` text NOT NULL,
	`created_at` text NOT NULL
);
