CREATE TABLE `msc_job_run` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`job` varchar(64) NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`triggered_by` enum('cron','cli','manual') NOT NULL,
	`requested_by` varchar(64) NOT NULL,
	`slot` varchar(64) NOT NULL,
	`scheduled_for` datetime(3),
	`status` enum('running','succeeded','failed','skipped','abandoned') NOT NULL,
	`started_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`finished_at` datetime(3),
	`duration_ms` int,
	`budget_ms` int NOT NULL,
	`counts` json NOT NULL DEFAULT ('{}'),
	`more` boolean NOT NULL DEFAULT false,
	`error` text,
	`worker` varchar(64) NOT NULL DEFAULT '',
	CONSTRAINT `msc_job_run_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_job_run_slot_uq` UNIQUE(`job`,`tenant_id`,`slot`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
ALTER TABLE `msc_job_run` ADD CONSTRAINT `msc_job_run_tenant_id_msc_tenant_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `msc_tenant`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `msc_job_run_tenant_job_started_idx` ON `msc_job_run` (`tenant_id`,`job`,`started_at`);--> statement-breakpoint
CREATE INDEX `msc_job_run_tenant_job_status_idx` ON `msc_job_run` (`tenant_id`,`job`,`status`);--> statement-breakpoint
CREATE INDEX `msc_job_run_tenant_started_idx` ON `msc_job_run` (`tenant_id`,`started_at`);