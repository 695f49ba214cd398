CREATE TABLE `daily_counts` (
	`day` text NOT NULL,
	`event` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `event`)
);
--> statement-breakpoint
CREATE TABLE `invites` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`note` text,
	`expires_hour` integer NOT NULL,
	`used` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_failures` (
	`login_key` text NOT NULL,
	`hour` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`login_key`, `hour`)
);
--> statement-breakpoint
CREATE TABLE `mailboxes` (
	`id` text PRIMARY KEY NOT NULL,
	`read_token_hash` text NOT NULL,
	`expires_hour` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`supporter_id` text NOT NULL,
	`mailbox_id` text NOT NULL,
	`ciphertext` blob,
	`status` text NOT NULL,
	`received_hour` integer NOT NULL,
	`expires_hour` integer NOT NULL,
	`delivered_hour` integer
);
--> statement-breakpoint
CREATE INDEX `messages_supporter_status` ON `messages` (`supporter_id`,`status`);--> statement-breakpoint
CREATE INDEX `messages_mailbox` ON `messages` (`mailbox_id`);--> statement-breakpoint
CREATE INDEX `messages_status_expires` ON `messages` (`status`,`expires_hour`);--> statement-breakpoint
CREATE TABLE `replies` (
	`id` text PRIMARY KEY NOT NULL,
	`mailbox_id` text NOT NULL,
	`supporter_id` text NOT NULL,
	`ciphertext` blob NOT NULL,
	`sent_hour` integer NOT NULL,
	`expires_hour` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `replies_mailbox` ON `replies` (`mailbox_id`);--> statement-breakpoint
CREATE INDEX `replies_expires` ON `replies` (`expires_hour`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`supporter_id` text NOT NULL,
	`expires_hour` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_supporter` ON `sessions` (`supporter_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `spent_challenges` (
	`challenge_hash` text PRIMARY KEY NOT NULL,
	`spent_on` text NOT NULL,
	`expires_hour` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `spent_challenges_expires` ON `spent_challenges` (`expires_hour`);--> statement-breakpoint
CREATE TABLE `supporter_daily_counts` (
	`supporter_id` text NOT NULL,
	`day` text NOT NULL,
	`event` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`supporter_id`, `day`, `event`)
);
--> statement-breakpoint
CREATE TABLE `supporters` (
	`id` text PRIMARY KEY NOT NULL,
	`login` text,
	`email` text,
	`name` text NOT NULL,
	`county` text NOT NULL,
	`town` text NOT NULL,
	`specialties` text NOT NULL,
	`languages` text NOT NULL,
	`modalities` text NOT NULL,
	`about` text,
	`status` text DEFAULT 'available' NOT NULL,
	`away_until_hour` integer,
	`active` integer DEFAULT true NOT NULL,
	`left` integer DEFAULT false NOT NULL,
	`box_public_key` text NOT NULL,
	`vault_salt` text NOT NULL,
	`vault_opslimit` integer NOT NULL,
	`vault_memlimit` integer NOT NULL,
	`vault_ciphertext` text NOT NULL,
	`auth_key_hash` text NOT NULL,
	`created_hour` integer NOT NULL,
	`last_seen_hour` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supporters_login_unique` ON `supporters` (`login`);