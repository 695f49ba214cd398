CREATE TABLE `archive_items` (
	`supporter_id` text NOT NULL,
	`id` text NOT NULL,
	`ciphertext` blob NOT NULL,
	`stored_hour` integer NOT NULL,
	`expires_hour` integer NOT NULL,
	PRIMARY KEY(`supporter_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `archive_items_listing` ON `archive_items` (`supporter_id`,`stored_hour`,`id`);--> statement-breakpoint
CREATE INDEX `archive_items_expires` ON `archive_items` (`expires_hour`);--> statement-breakpoint
CREATE TABLE `deleted_mailboxes` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`expires_hour` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deleted_mailboxes_expires` ON `deleted_mailboxes` (`expires_hour`);--> statement-breakpoint
CREATE TABLE `sent_copies` (
	`mailbox_id` text NOT NULL,
	`message_id` text NOT NULL,
	`ciphertext` blob NOT NULL,
	PRIMARY KEY(`mailbox_id`, `message_id`)
);
