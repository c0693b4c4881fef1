ALTER TABLE `msc_quota_usage` ADD `shard` tinyint unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_quota_usage` ADD `cap` bigint unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_quota_usage` ADD `lim` bigint unsigned;--> statement-breakpoint
ALTER TABLE `msc_quota_usage` DROP PRIMARY KEY, ADD PRIMARY KEY(`tenant_id`,`metric`,`scope`,`grain`,`window_start`,`shard`);