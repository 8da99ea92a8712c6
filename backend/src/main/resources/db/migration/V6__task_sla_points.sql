-- The supervision ladder's points for tasks that run against the resolution SLA: the yellow light in working time
-- (not 80% of clock time) and the level-3 notice (通报).
alter table gf_task add column yellow_at datetime(3);
alter table gf_task add column level3_at datetime(3);
