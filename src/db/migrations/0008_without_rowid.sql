-- No order finer than the hour (issue 15, docs/protocol.md "No order finer than the hour"):
-- every table a doctor's actions write becomes WITHOUT ROWID, so rows are kept in the order
-- of their random (or hour- and day-granular) keys, not in the order they were inserted.
-- hourly_received is keyed by the hour itself and needs no change. Hand-written: drizzle's
-- schema cannot say WITHOUT ROWID, so its snapshot stays as generated.
CREATE TABLE `__new_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`supporter_id` text NOT NULL,
	`mailbox_id` text NOT NULL,
	`ciphertext` blob,
	`status` text NOT NULL,
	`received_hour` integer NOT NULL,
	`expires_hour` integer NOT NULL,
	`delivered_hour` integer
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_messages` (`id`, `supporter_id`, `mailbox_id`, `ciphertext`, `status`, `received_hour`, `expires_hour`, `delivered_hour`) SELECT `id`, `supporter_id`, `mailbox_id`, `ciphertext`, `status`, `received_hour`, `expires_hour`, `delivered_hour` FROM `messages`;
--> statement-breakpoint
DROP TABLE `messages`;
--> statement-breakpoint
ALTER TABLE `__new_messages` RENAME TO `messages`;
--> statement-breakpoint
CREATE INDEX `messages_status_expires` ON `messages` (`status`,`expires_hour`);
--> statement-breakpoint
CREATE INDEX `messages_supporter_pending` ON `messages` (`supporter_id`,`status`,`expires_hour`);
--> statement-breakpoint
CREATE INDEX `messages_mailbox` ON `messages` (`mailbox_id`,`supporter_id`);
--> statement-breakpoint
CREATE INDEX `messages_received_supporter` ON `messages` (`received_hour`,`supporter_id`);
--> statement-breakpoint
CREATE TABLE `__new_mailboxes` (
	`id` text PRIMARY KEY NOT NULL,
	`read_token_hash` text NOT NULL,
	`expires_hour` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_mailboxes` (`id`, `read_token_hash`, `expires_hour`) SELECT `id`, `read_token_hash`, `expires_hour` FROM `mailboxes`;
--> statement-breakpoint
DROP TABLE `mailboxes`;
--> statement-breakpoint
ALTER TABLE `__new_mailboxes` RENAME TO `mailboxes`;
--> statement-breakpoint
CREATE TABLE `__new_sent_copies` (
	`mailbox_id` text NOT NULL,
	`message_id` text NOT NULL,
	`ciphertext` blob NOT NULL,
	PRIMARY KEY(`mailbox_id`, `message_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_sent_copies` (`mailbox_id`, `message_id`, `ciphertext`) SELECT `mailbox_id`, `message_id`, `ciphertext` FROM `sent_copies`;
--> statement-breakpoint
DROP TABLE `sent_copies`;
--> statement-breakpoint
ALTER TABLE `__new_sent_copies` RENAME TO `sent_copies`;
--> statement-breakpoint
CREATE TABLE `__new_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`mailbox_id` text NOT NULL,
	`supporter_id` text NOT NULL,
	`ciphertext` blob NOT NULL,
	`sent_hour` integer NOT NULL,
	`expires_hour` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_replies` (`id`, `mailbox_id`, `supporter_id`, `ciphertext`, `sent_hour`, `expires_hour`) SELECT `id`, `mailbox_id`, `supporter_id`, `ciphertext`, `sent_hour`, `expires_hour` FROM `replies`;
--> statement-breakpoint
DROP TABLE `replies`;
--> statement-breakpoint
ALTER TABLE `__new_replies` RENAME TO `replies`;
--> statement-breakpoint
CREATE INDEX `replies_mailbox` ON `replies` (`mailbox_id`);
--> statement-breakpoint
CREATE INDEX `replies_expires` ON `replies` (`expires_hour`);
--> statement-breakpoint
CREATE TABLE `__new_deleted_mailboxes` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`expires_hour` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_deleted_mailboxes` (`id_hash`, `expires_hour`) SELECT `id_hash`, `expires_hour` FROM `deleted_mailboxes`;
--> statement-breakpoint
DROP TABLE `deleted_mailboxes`;
--> statement-breakpoint
ALTER TABLE `__new_deleted_mailboxes` RENAME TO `deleted_mailboxes`;
--> statement-breakpoint
CREATE INDEX `deleted_mailboxes_expires` ON `deleted_mailboxes` (`expires_hour`);
--> statement-breakpoint
CREATE TABLE `__new_spent_challenges` (
	`challenge_hash` text PRIMARY KEY NOT NULL,
	`spent_on` text NOT NULL,
	`expires_hour` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_spent_challenges` (`challenge_hash`, `spent_on`, `expires_hour`) SELECT `challenge_hash`, `spent_on`, `expires_hour` FROM `spent_challenges`;
--> statement-breakpoint
DROP TABLE `spent_challenges`;
--> statement-breakpoint
ALTER TABLE `__new_spent_challenges` RENAME TO `spent_challenges`;
--> statement-breakpoint
CREATE INDEX `spent_challenges_expires` ON `spent_challenges` (`expires_hour`);
--> statement-breakpoint
CREATE TABLE `__new_daily_counts` (
	`day` text NOT NULL,
	`event` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `event`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_daily_counts` (`day`, `event`, `count`) SELECT `day`, `event`, `count` FROM `daily_counts`;
--> statement-breakpoint
DROP TABLE `daily_counts`;
--> statement-breakpoint
ALTER TABLE `__new_daily_counts` RENAME TO `daily_counts`;
--> statement-breakpoint
CREATE TABLE `__new_supporter_daily_counts` (
	`supporter_id` text NOT NULL,
	`day` text NOT NULL,
	`event` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`supporter_id`, `day`, `event`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_supporter_daily_counts` (`supporter_id`, `day`, `event`, `count`) SELECT `supporter_id`, `day`, `event`, `count` FROM `supporter_daily_counts`;
--> statement-breakpoint
DROP TABLE `supporter_daily_counts`;
--> statement-breakpoint
ALTER TABLE `__new_supporter_daily_counts` RENAME TO `supporter_daily_counts`;
