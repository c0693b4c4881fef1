CREATE TABLE `msc_circuit_breaker` (
	`account_id` bigint unsigned NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`marketplace` enum('trendyol','hepsiburada','n11','pazarama','pttavm','amazon','generic') NOT NULL,
	`state` enum('closed','open','half_open') NOT NULL DEFAULT 'closed',
	`consecutive_failures` int NOT NULL DEFAULT 0,
	`opened_at` datetime(3),
	`next_probe_at` datetime(3),
	`probe_started_at` datetime(3),
	`last_error_kind` enum('rate_limited','server','timeout','network','circuit_open','client','auth','invalid_response'),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_circuit_breaker_account_id` PRIMARY KEY(`account_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_marketplace_api_call` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`marketplace` enum('trendyol','hepsiburada','n11','pazarama','pttavm','amazon','generic') NOT NULL,
	`endpoint` varchar(191) NOT NULL,
	`method` varchar(8) NOT NULL,
	`status` smallint unsigned,
	`duration_ms` int NOT NULL,
	`error_kind` enum('rate_limited','server','timeout','network','circuit_open','client','auth','invalid_response'),
	`attempt` tinyint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_marketplace_api_call_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_order_pull_cursor` (
	`account_id` bigint unsigned NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`pulled_until` datetime(3),
	`sweep_since` datetime(3),
	`sweep_until` datetime(3),
	`page_cursor` text,
	`last_run_at` datetime(3),
	`last_error` varchar(500),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_order_pull_cursor_account_id` PRIMARY KEY(`account_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
ALTER TABLE `msc_marketplace_account` ADD `api_base_url` varchar(255) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_marketplace_account` ADD `api_seller_id` varchar(64) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_marketplace_account` ADD `api_options` json DEFAULT ('{}') NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_marketplace_account` ADD `api_credentials_ciphertext` text;--> statement-breakpoint
ALTER TABLE `msc_marketplace_account` ADD `api_credentials_updated_at` datetime(3);--> statement-breakpoint
CREATE INDEX `msc_marketplace_api_call_created_idx` ON `msc_marketplace_api_call` (`created_at`);--> statement-breakpoint
CREATE INDEX `msc_marketplace_api_call_account_idx` ON `msc_marketplace_api_call` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `msc_marketplace_api_call_tenant_idx` ON `msc_marketplace_api_call` (`tenant_id`,`created_at`);