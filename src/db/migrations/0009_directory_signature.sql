ALTER TABLE `supporters` ADD `signed_version` integer;--> statement-breakpoint
ALTER TABLE `supporters` ADD `signature` text;--> statement-breakpoint
ALTER TABLE `supporters` ADD `signed_box_public_key` text;--> statement-breakpoint
ALTER TABLE `supporters` ADD `signed_name` text;--> statement-breakpoint
ALTER TABLE `supporters` ADD `key_changed_hour` integer;