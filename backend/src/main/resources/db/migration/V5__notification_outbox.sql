-- Every notification GridFlow sends (督办, 预警, rating requests, replies to reporters) is first written here in the
-- transaction that decided to send it; delivery happens after commit and is claimed row by row, so a job that
-- runs twice still sends once. dedup_key makes a repeated request a no-op.
create table gf_notification (
    id              varchar(36)   not null primary key,
    dedup_key       varchar(255)  not null,
    kind            varchar(64)   not null,
    recipient_kind  varchar(16)   not null,
    recipient       varchar(255)  not null,
    subject         varchar(255)  not null,
    body            varchar(2000),
    business_key    varchar(64),
    proc_inst_id    varchar(64),
    created         datetime(3)   not null,
    sent_at         datetime(3),
    channel         varchar(64),
    last_error      varchar(500),
    constraint uq_notification_dedup unique (dedup_key)
);
create index ix_notification_recipient on gf_notification (recipient_kind, recipient, created);
create index ix_notification_proc_inst on gf_notification (proc_inst_id);
