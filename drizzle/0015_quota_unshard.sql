-- One statement: the key must stop using `shard` before the column can go (MariaDB refuses otherwise).
ALTER TABLE `msc_quota_usage` DROP PRIMARY KEY, ADD PRIMARY KEY(`tenant_id`,`metric`,`scope`,`grain`,`window_start`), DROP COLUMN `shard`, DROP COLUMN `cap`, DROP COLUMN `lim`;
