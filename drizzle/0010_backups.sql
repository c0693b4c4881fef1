CREATE TABLE `msc_backup_restore` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`backup_id` bigint unsigned NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`target_database` varchar(64) NOT NULL,
	`over_own` boolean NOT NULL,
	`status` enum('running','verified','mismatch','failed') NOT NULL,
	`tables_total` int NOT NULL DEFAULT 0,
	`tables_done` int NOT NULL DEFAULT 0,
	`rows_total` bigint unsigned NOT NULL DEFAULT 0,
	`rows_done` bigint unsigned NOT NULL DEFAULT 0,
	`error` text,
	`requested_by` varchar(64) NOT NULL,
	`started_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`finished_at` datetime(3),
	`duration_ms` int,
	CONSTRAINT `msc_backup_restore_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_backup_setting` (
	`tenant_id` bigint unsigned NOT NULL,
	`keep_daily` int NOT NULL,
	`keep_weekly` int NOT NULL,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_backup_setting_tenant_id` PRIMARY KEY(`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_backup` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`kind` enum('manual','scheduled') NOT NULL,
	`status` enum('running','succeeded','failed','bad') NOT NULL,
	`file_name` varchar(255) NOT NULL DEFAULT '',
	`encrypted` boolean NOT NULL,
	`bytes` bigint unsigned NOT NULL DEFAULT 0,
	`tables_total` int NOT NULL DEFAULT 0,
	`tables_done` int NOT NULL DEFAULT 0,
	`rows_done` bigint unsigned NOT NULL DEFAULT 0,
	`manifest` json,
	`error` text,
	`requested_by` varchar(64) NOT NULL,
	`started_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`finished_at` datetime(3),
	`duration_ms` int,
	`verified_at` datetime(3),
	`restore_verified_at` datetime(3),
	CONSTRAINT `msc_backup_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
ALTER TABLE `msc_backup_restore` ADD CONSTRAINT `msc_backup_restore_backup_id_msc_backup_id_fk` FOREIGN KEY (`backup_id`) REFERENCES `msc_backup`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `msc_backup_restore` ADD CONSTRAINT `msc_backup_restore_tenant_id_msc_tenant_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `msc_tenant`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `msc_backup_setting` ADD CONSTRAINT `msc_backup_setting_tenant_id_msc_tenant_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `msc_tenant`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `msc_backup` ADD CONSTRAINT `msc_backup_tenant_id_msc_tenant_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `msc_tenant`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `msc_backup_restore_backup_idx` ON `msc_backup_restore` (`backup_id`);--> statement-breakpoint
CREATE INDEX `msc_backup_restore_tenant_started_idx` ON `msc_backup_restore` (`tenant_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `msc_backup_tenant_started_idx` ON `msc_backup` (`tenant_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `msc_backup_tenant_status_idx` ON `msc_backup` (`tenant_id`,`status`);