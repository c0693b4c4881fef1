CREATE TABLE `msc_price_suggestion` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`oc_product_id` int NOT NULL,
	`category_id` int NOT NULL DEFAULT 0,
	`status` enum('open','none','accepted','rejected') NOT NULL,
	`objective` enum('profit','revenue') NOT NULL,
	`current_price` decimal(15,4) NOT NULL,
	`current_price_gross` decimal(15,4) NOT NULL,
	`suggested_price` decimal(15,4),
	`suggested_price_gross` decimal(15,4),
	`units_current` double NOT NULL DEFAULT 0,
	`units_suggested` double NOT NULL DEFAULT 0,
	`revenue_delta` decimal(15,4) NOT NULL DEFAULT '0',
	`profit_delta` decimal(15,4),
	`gain` decimal(15,4) NOT NULL DEFAULT '0',
	`elasticity` double NOT NULL,
	`elasticity_se` double,
	`elasticity_source` enum('own','category','prior') NOT NULL,
	`confidence` enum('high','medium','low') NOT NULL,
	`backtest_mape` double,
	`backtest_mase` double,
	`details` json NOT NULL,
	`computed_at` datetime(3) NOT NULL,
	`decided_by` varchar(64) NOT NULL DEFAULT '',
	`decided_at` datetime(3),
	`applied_price` decimal(15,4),
	`applied_as` enum('price','special'),
	`applied_at` datetime(3),
	CONSTRAINT `msc_price_suggestion_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_price_suggestion_product_uq` UNIQUE(`tenant_id`,`oc_product_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_pricing_rule` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`scope` enum('shop','category','product') NOT NULL,
	`scope_id` int NOT NULL DEFAULT 0,
	`margin_floor_pct` decimal(7,2),
	`max_step_pct` decimal(7,2),
	`price_floor` decimal(15,4),
	`price_ceiling` decimal(15,4),
	`rounding` enum('none','0.90','0.99'),
	`beat_competitor_by` decimal(15,4),
	`beat_competitor_floor` decimal(15,4),
	`updated_by` varchar(64) NOT NULL DEFAULT '',
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_pricing_rule_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_pricing_rule_scope_uq` UNIQUE(`tenant_id`,`scope`,`scope_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE TABLE `msc_product_cost` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`oc_product_id` int NOT NULL,
	`cost` decimal(15,4) NOT NULL,
	`updated_by` varchar(64) NOT NULL DEFAULT '',
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `msc_product_cost_id` PRIMARY KEY(`id`),
	CONSTRAINT `msc_product_cost_product_uq` UNIQUE(`tenant_id`,`oc_product_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--> statement-breakpoint
CREATE INDEX `msc_price_suggestion_gain_idx` ON `msc_price_suggestion` (`tenant_id`,`status`,`gain`);--> statement-breakpoint
CREATE INDEX `msc_price_suggestion_category_idx` ON `msc_price_suggestion` (`tenant_id`,`category_id`,`elasticity_source`);