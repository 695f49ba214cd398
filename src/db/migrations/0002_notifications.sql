CREATE TABLE `notification_state` (
	`supporter_id` text NOT NULL,
	`channel` text NOT NULL,
	`covered_received` integer DEFAULT 0 NOT NULL,
	`next_hour` integer,
	`failures` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`supporter_id`, `channel`)
);
--> statement-breakpoint
ALTER TABLE `supporters` ADD `notify_email` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `supporters` ADD `notify_webhook_url` text;--> statement-breakpoint
ALTER TABLE `supporters` ADD `received_count` integer DEFAULT 0 NOT NULL;