-- 微网格值守名单 (domain-spec §1.6b step 4): who stands duty in each micro-grid when its community goes to war
-- footing. Kept by administrators; a person may have a GridFlow account (notified in the app) or only a phone.
create table gf_duty_roster (
    id              varchar(36)   not null primary key,
    micro_grid_id   varchar(32)   not null,
    person_name     varchar(64)   not null,
    user_id         varchar(64),
    duty_role       varchar(64)   not null,
    shift           varchar(64)   not null,
    phone           varchar(32),
    updated_by      varchar(64)   not null,
    updated_at      datetime(3)   not null
);
create index ix_duty_roster_micro_grid on gf_duty_roster (micro_grid_id);

-- Rosters activated by a mode-switch instance: a snapshot of each roster entry at activation, so later edits of
-- the roster do not rewrite who stood duty. One row per switch and entry (a job that runs twice activates once);
-- declaring the end of the emergency stamps deactivated_at.
create table gf_duty_activation (
    proc_inst_id    varchar(64)   not null,
    roster_id       varchar(36)   not null,
    community_id    varchar(32)   not null,
    micro_grid_id   varchar(32)   not null,
    person_name     varchar(64)   not null,
    user_id         varchar(64),
    duty_role       varchar(64)   not null,
    shift           varchar(64)   not null,
    phone           varchar(32),
    activated_at    datetime(3)   not null,
    deactivated_at  datetime(3),
    constraint pk_duty_activation primary key (proc_inst_id, roster_id)
);
create index ix_duty_activation_active on gf_duty_activation (deactivated_at, community_id);
