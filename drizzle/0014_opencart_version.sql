ALTER TABLE `msc_tenant` ADD `opencart_version` varchar(8) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `msc_tenant` ADD `opencart_version_checked_at` datetime(3);