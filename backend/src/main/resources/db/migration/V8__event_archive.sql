-- 办结归档 (domain-spec §1.2 step 12): one row per ended grid event with its SLA and escalation flags, the rating
-- and the full timeline, written by the process's archive step. The flags are what the art. 19 two-way
-- assessment (per department, per community) and the grid worker's performance are counted from.
create table gf_event_archive (
    proc_inst_id      varchar(64)  not null primary key,
    event_id          varchar(64),
    category          varchar(64),
    source            varchar(32),
    community_id      varchar(32),
    grid_id           varchar(32),
    lead_dept         varchar(32),
    handling_level    varchar(32),
    city_mode         varchar(16),
    reported_at       datetime(3),
    closed_at         datetime(3)  not null,
    close_type        varchar(32)  not null,
    sla_due_at        datetime(3),
    closed_in_time    boolean      not null,
    sla_breached      boolean      not null,
    escalation_level  integer      not null,
    satisfaction      varchar(32),
    reopen_count      integer      not null,
    return_count      integer      not null,
    verify_round      integer      not null,
    extension_used    boolean      not null,
    timeline          mediumtext   not null
);
create index ix_event_archive_closed on gf_event_archive (closed_at);
create index ix_event_archive_dept on gf_event_archive (lead_dept, closed_at);
create index ix_event_archive_community on gf_event_archive (community_id, closed_at);
