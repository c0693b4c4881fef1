CREATE TABLE `msc_tenant` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`slug` varchar(64) NOT NULL,
	`name` varchar(128) NOT NULL,
	`database_url` varchar(512) NOT NULL DEFAULT '',
	`table_prefix` varchar(32) NOT NULL DEFAULT 'oc_',
	`store_id` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_tenant_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_tenant_slug_uq` UNIQUE(`slug`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_tenant_grant` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`user_id` int NOT NULL,
	`username` varchar(64) NOT NULL,
	`role` enum('admin','operator','viewer') NOT NULL,
	`granted_by` varchar(64) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_tenant_grant_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_tenant_grant_tenant_user_uq` UNIQUE(`tenant_id`,`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_audit_log` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned,
	`actor_user_id` int,
	`actor_username` varchar(64) NOT NULL,
	`action` varchar(64) NOT NULL,
	`target_type` varchar(64) NOT NULL DEFAULT '',
	`target_id` varchar(64) NOT NULL DEFAULT '',
	`before` json,
	`after` json,
	`ip` varchar(45) NOT NULL DEFAULT '',
	`user_agent` varchar(255) NOT NULL DEFAULT '',
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_audit_log_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_login_attempt` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`username` varchar(64) NOT NULL,
	`ip` varchar(45) NOT NULL,
	`success` boolean NOT NULL,
	`reason` varchar(32) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_login_attempt_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
ALTER TABLE `msc_tenant_grant` ADD CONSTRAINT `msc_tenant_grant_tenant_id_msc_tenant_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `msc_tenant`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `msc_tenant_grant_user_idx` ON `msc_tenant_grant` (`user_id`);--> statement-breakpoint
CREATE INDEX `msc_audit_log_tenant_created_idx` ON `msc_audit_log` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `msc_audit_log_action_idx` ON `msc_audit_log` (`action`,`created_at`);--> statement-breakpoint
CREATE INDEX `msc_login_attempt_username_idx` ON `msc_login_attempt` (`username`,`created_at`);--> statement-breakpoint
CREATE INDEX `msc_login_attempt_ip_idx` ON `msc_login_attempt` (`ip`,`created_at`);