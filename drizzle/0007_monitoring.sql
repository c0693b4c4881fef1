CREATE TABLE `msc_alert_condition` (
	`tenant_id` bigint unsigned NOT NULL,
	`kind` varchar(64) NOT NULL,
	`subject` varchar(96) NOT NULL DEFAULT '',
	`active_since` datetime(3) NOT NULL,
	`alert_id` bigint unsigned,
	CONSTRAINT `msc_alert_condition_pk` PRIMARY KEY(`tenant_id`,`kind`,`subject`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_alert_delivery` (
	`alert_id` bigint unsigned NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3),
	`delivered_at` datetime(3),
	`last_error` varchar(255),
	CONSTRAINT `msc_alert_delivery_alert_id` PRIMARY KEY(`alert_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_alert_threshold` (
	`tenant_id` bigint unsigned NOT NULL,
	`name` varchar(48) NOT NULL,
	`value` int NOT NULL,
	`updated_by` varchar(64) NOT NULL,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_alert_threshold_pk` PRIMARY KEY(`tenant_id`,`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_metric_api_rollup` (
	`tenant_id` bigint unsigned NOT NULL,
	`grain` enum('minute','hour') NOT NULL,
	`marketplace` enum('trendyol','hepsiburada','n11','pazarama','pttavm','amazon','generic') NOT NULL,
	`bucket_start` datetime NOT NULL,
	`calls` int NOT NULL DEFAULT 0,
	`errors` int NOT NULL DEFAULT 0,
	`rate_limited` int NOT NULL DEFAULT 0,
	`duration_ms_sum` bigint unsigned NOT NULL DEFAULT 0,
	CONSTRAINT `msc_metric_api_rollup_pk` PRIMARY KEY(`tenant_id`,`grain`,`bucket_start`,`marketplace`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_metric_watermark` (
	`tenant_id` bigint unsigned NOT NULL,
	`rolled_until` datetime NOT NULL,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_metric_watermark_tenant_id` PRIMARY KEY(`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_metric_webhook_rollup` (
	`tenant_id` bigint unsigned NOT NULL,
	`grain` enum('minute','hour') NOT NULL,
	`marketplace` enum('trendyol','hepsiburada','n11','pazarama','pttavm','amazon','generic') NOT NULL,
	`bucket_start` datetime NOT NULL,
	`received` int NOT NULL DEFAULT 0,
	`deliveries` int NOT NULL DEFAULT 0,
	`ingest_ms_sum` bigint unsigned NOT NULL DEFAULT 0,
	`ingest_b0` int NOT NULL DEFAULT 0,
	`ingest_b1` int NOT NULL DEFAULT 0,
	`ingest_b2` int NOT NULL DEFAULT 0,
	`ingest_b3` int NOT NULL DEFAULT 0,
	`ingest_b4` int NOT NULL DEFAULT 0,
	`ingest_b5` int NOT NULL DEFAULT 0,
	`ingest_b6` int NOT NULL DEFAULT 0,
	`ingest_b7` int NOT NULL DEFAULT 0,
	`ingest_b8` int NOT NULL DEFAULT 0,
	`ingest_b9` int NOT NULL DEFAULT 0,
	`ingest_b10` int NOT NULL DEFAULT 0,
	`ingest_b11` int NOT NULL DEFAULT 0,
	`applied` int NOT NULL DEFAULT 0,
	`dead` int NOT NULL DEFAULT 0,
	`retries` int NOT NULL DEFAULT 0,
	`lag_ms_sum` bigint unsigned NOT NULL DEFAULT 0,
	`lag_b0` int NOT NULL DEFAULT 0,
	`lag_b1` int NOT NULL DEFAULT 0,
	`lag_b2` int NOT NULL DEFAULT 0,
	`lag_b3` int NOT NULL DEFAULT 0,
	`lag_b4` int NOT NULL DEFAULT 0,
	`lag_b5` int NOT NULL DEFAULT 0,
	`lag_b6` int NOT NULL DEFAULT 0,
	`lag_b7` int NOT NULL DEFAULT 0,
	`lag_b8` int NOT NULL DEFAULT 0,
	`lag_b9` int NOT NULL DEFAULT 0,
	CONSTRAINT `msc_metric_webhook_rollup_pk` PRIMARY KEY(`tenant_id`,`grain`,`bucket_start`,`marketplace`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
