CREATE TABLE `msc_marketplace_account` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`marketplace` enum('trendyol','hepsiburada','n11','pazarama','pttavm','amazon','generic') NOT NULL,
	`name` varchar(128) NOT NULL,
	`auth_type` enum('basic','apikey','hmac') NOT NULL,
	`auth_username` varchar(128) NOT NULL DEFAULT '',
	`api_key_header` varchar(64) NOT NULL DEFAULT 'x-api-key',
	`secret_ciphertext` text NOT NULL,
	`sku_match` enum('sku','model','ean','upc','mpn') NOT NULL DEFAULT 'sku',
	`settings` json NOT NULL DEFAULT ('{}'),
	`status` enum('active','disabled') NOT NULL DEFAULT 'active',
	`secret_rotated_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_marketplace_account_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_webhook_delivery` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`method` varchar(8) NOT NULL,
	`path` varchar(255) NOT NULL DEFAULT '',
	`headers` json NOT NULL,
	`raw_body` mediumtext NOT NULL,
	`received_at` datetime(3) NOT NULL,
	`ingest_latency_ms` int NOT NULL DEFAULT 0,
	`event_count` int NOT NULL DEFAULT 0,
	`duplicate_count` int NOT NULL DEFAULT 0,
	CONSTRAINT `msc_webhook_delivery_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_webhook_event_attempt` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`event_id` bigint unsigned NOT NULL,
	`attempt` int NOT NULL,
	`worker` varchar(64) NOT NULL,
	`outcome` enum('done','failed','dead') NOT NULL,
	`error` text,
	`started_at` datetime(3) NOT NULL,
	`duration_ms` int NOT NULL,
	CONSTRAINT `msc_webhook_event_attempt_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_webhook_event` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`delivery_id` bigint unsigned NOT NULL,
	`marketplace` enum('trendyol','hepsiburada','n11','pazarama','pttavm','amazon','generic') NOT NULL,
	`type` enum('order.created','order.status_changed','stock.changed','price.observed','question.received') NOT NULL,
	`external_id` varchar(191) NOT NULL,
	`priority` tinyint NOT NULL,
	`payload` json NOT NULL,
	`status` enum('pending','done','failed','dead') NOT NULL DEFAULT 'pending',
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`last_error` text,
	`received_at` datetime(3) NOT NULL,
	`processed_at` datetime(3),
	CONSTRAINT `msc_webhook_event_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_webhook_event_account_external_uq` UNIQUE(`account_id`,`external_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_marketplace_order` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`marketplace` enum('trendyol','hepsiburada','n11','pazarama','pttavm','amazon','generic') NOT NULL,
	`external_order_id` varchar(128) NOT NULL,
	`oc_order_id` int,
	`marketplace_status` varchar(64) NOT NULL DEFAULT '',
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_marketplace_order_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_marketplace_order_account_external_uq` UNIQUE(`account_id`,`external_order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_product_link` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`marketplace_sku` varchar(128) NOT NULL,
	`oc_product_id` int NOT NULL,
	`created_by` varchar(64) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_product_link_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_product_link_account_sku_uq` UNIQUE(`account_id`,`marketplace_sku`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_competitor_price` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`event_id` bigint unsigned NOT NULL,
	`marketplace_sku` varchar(128) NOT NULL,
	`oc_product_id` int,
	`seller` varchar(128) NOT NULL DEFAULT '',
	`price` decimal(15,4) NOT NULL,
	`currency` varchar(3) NOT NULL,
	`is_buy_box_winner` boolean NOT NULL DEFAULT false,
	`observed_at` datetime(3) NOT NULL,
	CONSTRAINT `msc_competitor_price_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_competitor_price_event_uq` UNIQUE(`event_id`,`seller`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_marketplace_question` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`external_question_id` varchar(128) NOT NULL,
	`marketplace_sku` varchar(128) NOT NULL DEFAULT '',
	`oc_product_id` int,
	`customer_name` varchar(128) NOT NULL DEFAULT '',
	`text` text NOT NULL,
	`asked_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_marketplace_question_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_marketplace_question_account_external_uq` UNIQUE(`account_id`,`external_question_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_stock_observation` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`event_id` bigint unsigned NOT NULL,
	`marketplace_sku` varchar(128) NOT NULL,
	`oc_product_id` int,
	`quantity` int NOT NULL,
	`observed_at` datetime(3) NOT NULL,
	CONSTRAINT `msc_stock_observation_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_stock_observation_event_uq` UNIQUE(`event_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_order_status_map` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`canonical_status` varchar(32) NOT NULL,
	`oc_order_status_id` int NOT NULL,
	CONSTRAINT `msc_order_status_map_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_order_status_map_tenant_status_uq` UNIQUE(`tenant_id`,`canonical_status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
ALTER TABLE `msc_marketplace_account` ADD CONSTRAINT `msc_marketplace_account_tenant_id_msc_tenant_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `msc_tenant`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `msc_marketplace_account_tenant_idx` ON `msc_marketplace_account` (`tenant_id`,`marketplace`);--> statement-breakpoint
CREATE INDEX `msc_webhook_delivery_account_idx` ON `msc_webhook_delivery` (`account_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `msc_webhook_event_attempt_event_idx` ON `msc_webhook_event_attempt` (`event_id`);--> statement-breakpoint
CREATE INDEX `msc_webhook_event_due_idx` ON `msc_webhook_event` (`status`,`next_attempt_at`,`priority`,`id`);--> statement-breakpoint
CREATE INDEX `msc_webhook_event_tenant_idx` ON `msc_webhook_event` (`tenant_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `msc_competitor_price_sku_idx` ON `msc_competitor_price` (`tenant_id`,`marketplace_sku`,`observed_at`);