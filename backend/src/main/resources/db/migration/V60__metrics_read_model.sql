-- Managers' dashboards read these tables, never ACT_HI_* per request. The engine's history events keep them up to
-- date inside the engine's own transaction (MetricsProjector); POST /api/admin/metrics/rebuild rebuilds them
-- from ACT_HI_* through the same projection.

-- One row per process instance of any process: the generic summaries by process key.
create table gf_metric_instance (
    proc_inst_id   varchar(64)  not null primary key,
    proc_def_key   varchar(255) not null,
    proc_def_id    varchar(64)  not null,
    business_key   varchar(255),
    community_id   varchar(32),
    started        datetime(3)  not null,
    ended          datetime(3),
    end_act_id     varchar(255),
    state          varchar(32)  not null
);
create index ix_metric_instance_key on gf_metric_instance (proc_def_key, ended);

-- One row per grid event (grid-event): what the overview, its trends and the art. 19 assessment count.
-- signed_in_time / closed_in_time are null until the event has been signed / closed;
-- handling_active counts open handling subprocesses (a reopened event handles again);
-- handling_min (whole minutes from report to close) keeps the p90 exact to the minute with a GROUP BY.
create table gf_metric_event (
    proc_inst_id      varchar(64)  not null primary key,
    business_key      varchar(255),
    community_id      varchar(32),
    grid_id           varchar(32),
    lead_dept         varchar(32),
    category          varchar(64),
    source            varchar(32),
    city_mode         varchar(16),
    urgency           varchar(16),
    handling_level    varchar(32),
    admitted          boolean      not null default true,
    reported_at       datetime(3)  not null,
    reported_day      date         not null,
    sign_required     boolean      not null default false,
    sign_due_at       datetime(3),
    signed_at         datetime(3),
    sign_overdue      boolean      not null default false,
    signed_in_time    boolean,
    sla_due_at        datetime(3),
    handling_active   int          not null default 0,
    resolved_at       datetime(3),
    sla_breached      boolean      not null default false,
    closed_at         datetime(3),
    closed_in_time    boolean,
    close_type        varchar(32),
    satisfaction      varchar(16),
    reopen_count      int          not null default 0,
    escalation_level  int          not null default 0,
    handling_ms       bigint,
    handling_min      bigint
);
create index ix_metric_event_day on gf_metric_event (reported_day);
create index ix_metric_event_community on gf_metric_event (community_id, reported_day);
create index ix_metric_event_dept on gf_metric_event (lead_dept, reported_day);
create index ix_metric_event_open on gf_metric_event (closed_at, sla_due_at);

-- One row per activity instance of any process: the heat map (count, average and p90 duration, waiting now).
create table gf_metric_activity (
    act_inst_id    varchar(64)  not null primary key,
    proc_inst_id   varchar(64)  not null,
    proc_def_key   varchar(255) not null,
    proc_def_id    varchar(64)  not null,
    act_id         varchar(255) not null,
    act_name       varchar(255),
    act_type       varchar(64),
    started        datetime(3)  not null,
    ended          datetime(3),
    duration_ms    bigint
);
create index ix_metric_activity_key on gf_metric_activity (proc_def_key, act_id, ended);
create index ix_metric_activity_inst on gf_metric_activity (proc_inst_id);
