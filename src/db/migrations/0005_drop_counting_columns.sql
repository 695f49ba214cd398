ALTER TABLE `messages` DROP COLUMN `delivered_by`;--> statement-breakpoint
UPDATE `notification_state` SET `covered_received` = `covered_received`
  + coalesce((SELECT sum(`count`) FROM `supporter_daily_counts` WHERE `supporter_daily_counts`.`supporter_id` = `notification_state`.`supporter_id` AND `event` = 'received'), 0)
  - coalesce((SELECT `received_count` FROM `supporters` WHERE `supporters`.`id` = `notification_state`.`supporter_id`), 0);--> statement-breakpoint
ALTER TABLE `supporters` DROP COLUMN `received_count`;
--> statement-breakpoint
DELETE FROM `daily_counts` WHERE `event` IN ('submitted', 'delivered');
