CREATE TABLE `msc_sync_batch` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`marketplace_batch_id` varchar(191),
	`status` enum('sending','sent','done','failed','abandoned','expired') NOT NULL DEFAULT 'sending',
	`item_count` int NOT NULL,
	`ok_count` int NOT NULL DEFAULT 0,
	`failed_count` int NOT NULL DEFAULT 0,
	`poll_count` int NOT NULL DEFAULT 0,
	`error` text,
	`created_at` datetime(3) NOT NULL,
	`sent_at` datetime(3),
	`polled_at` datetime(3),
	`finished_at` datetime(3),
	CONSTRAINT `msc_sync_batch_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_sync_state` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`marketplace_sku` varchar(128) NOT NULL,
	`confirmed_quantity` int,
	`confirmed_price` decimal(15,4),
	`confirmed_list_price` decimal(15,4),
	`confirmed_at` datetime(3),
	`confirmed_outbox_id` bigint unsigned,
	`held_price` decimal(15,4),
	`held_base_price` decimal(15,4),
	`held_at` datetime(3),
	`approved_price` decimal(15,4),
	`rejected_price` decimal(15,4),
	`reviewed_by` varchar(64) NOT NULL DEFAULT '',
	`reviewed_at` datetime(3),
	CONSTRAINT `msc_sync_state_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_sync_state_listing_uq` UNIQUE(`account_id`,`marketplace_sku`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_sync_outbox` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`account_id` bigint unsigned NOT NULL,
	`link_id` bigint unsigned NOT NULL,
	`oc_product_id` int NOT NULL,
	`marketplace_sku` varchar(128) NOT NULL,
	`quantity` int NOT NULL,
	`price` decimal(15,4) NOT NULL,
	`list_price` decimal(15,4) NOT NULL,
	`currency` varchar(3) NOT NULL,
	`status` enum('pending','sending','sent','confirmed','failed','superseded','cancelled') NOT NULL DEFAULT 'pending',
	`open_slot` tinyint,
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3),
	`batch_id` bigint unsigned,
	`lease_until` datetime(3),
	`last_error` text,
	`queued_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	`sent_at` datetime(3),
	`finished_at` datetime(3),
	CONSTRAINT `msc_sync_outbox_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_sync_outbox_open_uq` UNIQUE(`account_id`,`marketplace_sku`,`open_slot`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_sync_settings` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`price_change_threshold_pct` decimal(7,2) NOT NULL DEFAULT '30.00',
	`updated_by` varchar(64) NOT NULL DEFAULT '',
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_sync_settings_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_sync_settings_tenant_uq` UNIQUE(`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE INDEX `msc_sync_batch_account_status_idx` ON `msc_sync_batch` (`account_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `msc_sync_batch_tenant_created_idx` ON `msc_sync_batch` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `msc_sync_state_held_idx` ON `msc_sync_state` (`tenant_id`,`held_at`);--> statement-breakpoint
CREATE INDEX `msc_sync_outbox_due_idx` ON `msc_sync_outbox` (`account_id`,`open_slot`,`next_attempt_at`,`id`);--> statement-breakpoint
CREATE INDEX `msc_sync_outbox_listing_idx` ON `msc_sync_outbox` (`account_id`,`marketplace_sku`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `msc_sync_outbox_batch_idx` ON `msc_sync_outbox` (`batch_id`);--> statement-breakpoint
CREATE INDEX `msc_sync_outbox_tenant_status_idx` ON `msc_sync_outbox` (`tenant_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `msc_sync_outbox_lease_idx` ON `msc_sync_outbox` (`status`,`lease_until`);