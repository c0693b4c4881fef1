CREATE TABLE `msc_metric_queue_state` (
	`tenant_id` bigint unsigned NOT NULL,
	`marketplace` enum('trendyol','hepsiburada','n11','pazarama','pttavm','amazon','generic') NOT NULL,
	`pending` int NOT NULL DEFAULT 0,
	`failed` int NOT NULL DEFAULT 0,
	`dead` int NOT NULL DEFAULT 0,
	`oldest_waiting_at` datetime(3),
	`computed_at` datetime(3) NOT NULL,
	CONSTRAINT `msc_metric_queue_state_pk` PRIMARY KEY(`tenant_id`,`marketplace`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
