CREATE TABLE `msc_gdpr_consent` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`email` varchar(96) NOT NULL,
	`customer_id` int,
	`purpose` enum('marketing_email','sms','pricing_profiling') NOT NULL,
	`action` enum('granted','withdrawn') NOT NULL,
	`legal_basis` enum('consent','contract','legitimate_interest','legal_obligation') NOT NULL,
	`source` enum('admin','public_page','opencart_newsletter','import') NOT NULL,
	`ip` varchar(45) NOT NULL DEFAULT '',
	`user_agent` varchar(255) NOT NULL DEFAULT '',
	`recorded_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_gdpr_consent_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_gdpr_erasure_step` (
	`request_id` bigint unsigned NOT NULL,
	`step` varchar(64) NOT NULL,
	`affected` int NOT NULL,
	`done_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_gdpr_erasure_step_request_id_step_pk` PRIMARY KEY(`request_id`,`step`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_gdpr_erasure` (
	`request_id` bigint unsigned NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`plan` json NOT NULL,
	`status` enum('running','completed') NOT NULL DEFAULT 'running',
	`started_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`finished_at` datetime(3),
	CONSTRAINT `msc_gdpr_erasure_request_id` PRIMARY KEY(`request_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_gdpr_export` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`request_id` bigint unsigned NOT NULL,
	`file` longblob,
	`bytes` int NOT NULL,
	`table_count` smallint NOT NULL,
	`row_count` int NOT NULL,
	`created_by` varchar(64) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`expires_at` datetime(3) NOT NULL,
	`deleted_at` datetime(3),
	CONSTRAINT `msc_gdpr_export_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_gdpr_mail_outbox` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`request_id` bigint unsigned NOT NULL,
	`to_address` varchar(96) NOT NULL,
	`subject` varchar(255) NOT NULL,
	`body` mediumtext NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`sent_at` datetime(3),
	`error` varchar(500),
	CONSTRAINT `msc_gdpr_mail_outbox_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_gdpr_public_rate` (
	`tenant_id` bigint unsigned NOT NULL,
	`bucket` varchar(80) NOT NULL,
	`window_start` datetime NOT NULL,
	`used` int NOT NULL DEFAULT 0,
	CONSTRAINT `msc_gdpr_public_rate_tenant_id_bucket_window_start_pk` PRIMARY KEY(`tenant_id`,`bucket`,`window_start`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_gdpr_request_event` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`request_id` bigint unsigned NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`action` varchar(48) NOT NULL,
	`actor` varchar(64) NOT NULL,
	`note` varchar(500) NOT NULL DEFAULT '',
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_gdpr_request_event_id` PRIMARY KEY(`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_gdpr_request` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`type` enum('access','erasure','rectification','consent_withdrawal') NOT NULL,
	`source` enum('admin','public_page','opencart') NOT NULL,
	`status` enum('unverified','open','in_progress','completed','rejected') NOT NULL DEFAULT 'open',
	`email` varchar(96) NOT NULL,
	`subject_hash` varchar(64) NOT NULL,
	`requester_name` varchar(128) NOT NULL DEFAULT '',
	`customer_id` int,
	`order_id` int,
	`language` enum('en','tr') NOT NULL DEFAULT 'en',
	`details` text,
	`identity_method` enum('email_link','account_login','id_document','phone_callback','in_person','opencart_link','other'),
	`identity_note` varchar(255) NOT NULL DEFAULT '',
	`identity_verified_at` datetime(3),
	`received_at` datetime(3) NOT NULL,
	`due_at` datetime(3) NOT NULL,
	`extended_at` datetime(3),
	`extension_reason` varchar(500),
	`closed_at` datetime(3),
	`rejection_reason` varchar(500),
	`oc_gdpr_id` int,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_gdpr_request_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_gdpr_request_oc_gdpr_uq` UNIQUE(`tenant_id`,`oc_gdpr_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_gdpr_settings` (
	`tenant_id` bigint unsigned NOT NULL,
	`order_retention_years` smallint NOT NULL DEFAULT 10,
	`return_retention_years` smallint NOT NULL DEFAULT 10,
	`inactive_customer_months` smallint,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_gdpr_settings_tenant_id` PRIMARY KEY(`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE INDEX `msc_gdpr_consent_person_idx` ON `msc_gdpr_consent` (`tenant_id`,`email`,`purpose`,`id`);--> statement-breakpoint
CREATE INDEX `msc_gdpr_export_request_idx` ON `msc_gdpr_export` (`request_id`);--> statement-breakpoint
CREATE INDEX `msc_gdpr_export_expires_idx` ON `msc_gdpr_export` (`expires_at`);--> statement-breakpoint
CREATE INDEX `msc_gdpr_mail_outbox_tenant_idx` ON `msc_gdpr_mail_outbox` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `msc_gdpr_request_event_request_idx` ON `msc_gdpr_request_event` (`request_id`,`id`);--> statement-breakpoint
CREATE INDEX `msc_gdpr_request_tenant_due_idx` ON `msc_gdpr_request` (`tenant_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `msc_gdpr_request_subject_idx` ON `msc_gdpr_request` (`tenant_id`,`subject_hash`);