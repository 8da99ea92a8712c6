-- A per-day pre-aggregate of gf_metric_event so the overview, its trends and the assessment add up a few
-- thousand rows instead of scanning every event (1,000,000 events a year took seconds on MariaDB).
-- Kept in the engine's transaction by MetricsStore (the event row's old contribution out, the new one in) and
-- recomputed from gf_metric_event by the rebuild (MetricsStore.rebuildDaily).
--
-- Three grains in one table, so a query reads the smallest one that holds its filter:
--   'C' day x community x mode          (whole city, a community, war/peace)
--   'D' day x lead department x mode    (a department, a department leader's scope)
--   'F' day x community x grid x department x category x source x mode (any other filter)
-- A dimension a grain rolls up, and a missing value (an event without a lead department), is ''.
-- Only admitted events count. Figures that depend on "now" (a signing window running out while unsigned,
-- overdue now) are not here: they are counted live from gf_metric_event's open rows.
-- h00..h31 count closed events by handling time in minutes, in buckets bounded by DailyCell.BOUNDS (about
-- x1.4 wide); the overview finds the bucket holding the p90 here and then counts that bucket's minutes exactly
-- in gf_metric_event (ix_metric_event_duration), so the p90 stays exact to the minute.
create table gf_metric_daily (
    grain            char(1)     not null,
    stat_day         date        not null,
    community_id     varchar(32) not null,
    grid_id          varchar(32) not null,
    lead_dept        varchar(32) not null,
    category         varchar(64) not null,
    source           varchar(32) not null,
    city_mode        varchar(16) not null,
    total            bigint      not null,
    open_count       bigint      not null,
    closed_count     bigint      not null,
    sign_settled     bigint      not null,
    signed_in_time   bigint      not null,
    closed_with_sla  bigint      not null,
    closed_in_time   bigint      not null,
    rated            bigint      not null,
    satisfied        bigint      not null,
    reopened         bigint      not null,
    handling_ms_sum  bigint      not null,
    h00 int not null, h01 int not null, h02 int not null, h03 int not null,
    h04 int not null, h05 int not null, h06 int not null, h07 int not null,
    h08 int not null, h09 int not null, h10 int not null, h11 int not null,
    h12 int not null, h13 int not null, h14 int not null, h15 int not null,
    h16 int not null, h17 int not null, h18 int not null, h19 int not null,
    h20 int not null, h21 int not null, h22 int not null, h23 int not null,
    h24 int not null, h25 int not null, h26 int not null, h27 int not null,
    h28 int not null, h29 int not null, h30 int not null, h31 int not null,
    primary key (grain, stat_day, community_id, grid_id, lead_dept, category, source, city_mode)
);

-- The signing deadline of an event that must still be signed (required, unsigned, window not run out), else
-- null: "due for a response" counts these live once the deadline has passed.
alter table gf_metric_event add column sign_pending_due datetime(3);
create index ix_metric_event_sign_pending on gf_metric_event (sign_pending_due);

-- The exact p90 within one histogram bucket, read from the index alone.
create index ix_metric_event_duration on gf_metric_event (handling_min, reported_day, admitted, community_id,
    grid_id, lead_dept, category, source, city_mode);
