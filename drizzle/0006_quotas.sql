CREATE TABLE `msc_tenant_choice` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` int NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`chosen_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_tenant_choice_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_tenant_choice_user_uq` UNIQUE(`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_alert` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`kind` varchar(64) NOT NULL,
	`severity` enum('info','warning','critical') NOT NULL,
	`message` varchar(512) NOT NULL,
	`dedupe_key` varchar(191) NOT NULL,
	`raised_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`acknowledged_at` datetime(3),
	`acknowledged_by` varchar(64),
	CONSTRAINT `msc_alert_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_alert_dedupe_uq` UNIQUE(`tenant_id`,`kind`,`dedupe_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_quota_limit` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`resource` varchar(48) NOT NULL,
	`scope` varchar(32) NOT NULL DEFAULT '',
	`limit_value` bigint unsigned NOT NULL,
	`updated_by` varchar(64) NOT NULL,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_quota_limit_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_quota_limit_tenant_resource_uq` UNIQUE(`tenant_id`,`resource`,`scope`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_quota_usage` (
	`tenant_id` bigint unsigned NOT NULL,
	`metric` varchar(32) NOT NULL,
	`scope` varchar(32) NOT NULL DEFAULT '',
	`grain` enum('minute','day') NOT NULL,
	`window_start` datetime NOT NULL,
	`used` bigint unsigned NOT NULL DEFAULT 0,
	CONSTRAINT `msc_quota_usage_pk` PRIMARY KEY(`tenant_id`,`metric`,`scope`,`grain`,`window_start`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
ALTER TABLE `msc_tenant` ADD `database_url_sealed` varchar(1024) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_tenant` ADD `database_hint` varchar(255) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_tenant` ADD `timezone` varchar(64) DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_tenant` ADD `status` enum('active','disabled') DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_tenant_choice` ADD CONSTRAINT `msc_tenant_choice_tenant_id_msc_tenant_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `msc_tenant`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `msc_alert` ADD CONSTRAINT `msc_alert_tenant_id_msc_tenant_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `msc_tenant`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `msc_quota_limit` ADD CONSTRAINT `msc_quota_limit_tenant_id_msc_tenant_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `msc_tenant`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `msc_alert_tenant_raised_idx` ON `msc_alert` (`tenant_id`,`raised_at`);--> statement-breakpoint
CREATE INDEX `msc_quota_usage_prune_idx` ON `msc_quota_usage` (`grain`,`window_start`);