CREATE TABLE `msc_metric_job_rollup` (
	`tenant_id` bigint unsigned NOT NULL,
	`grain` enum('minute','hour') NOT NULL,
	`job` varchar(64) NOT NULL,
	`bucket_start` datetime NOT NULL,
	`runs` int NOT NULL DEFAULT 0,
	`failures` int NOT NULL DEFAULT 0,
	`finished` int NOT NULL DEFAULT 0,
	`duration_ms_sum` bigint unsigned NOT NULL DEFAULT 0,
	`duration_ms_max` int,
	CONSTRAINT `msc_metric_job_rollup_pk` PRIMARY KEY(`tenant_id`,`grain`,`bucket_start`,`job`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
