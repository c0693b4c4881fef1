CREATE TABLE `msc_outbound_batch` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`batch_id` varchar(191) NOT NULL,
	`skus` json NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_outbound_batch_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_outbound_batch_account_batch_uq` UNIQUE(`account_id`,`batch_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE INDEX `msc_outbound_batch_created_idx` ON `msc_outbound_batch` (`created_at`);