CREATE TABLE `hourly_received` (
	`hour` integer PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `hourly_received` (`hour`, `count`) SELECT `received_hour`, count(*) FROM `messages` GROUP BY `received_hour`;--> statement-breakpoint
DROP INDEX `messages_supporter_status`;--> statement-breakpoint
DROP INDEX `messages_received`;--> statement-breakpoint
DROP INDEX `messages_mailbox`;--> statement-breakpoint
CREATE INDEX `messages_supporter_pending` ON `messages` (`supporter_id`,`status`,`expires_hour`);--> statement-breakpoint
CREATE INDEX `messages_mailbox` ON `messages` (`mailbox_id`,`supporter_id`);