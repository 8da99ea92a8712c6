-- Reports from the resident app, the 12345 bridge and IoT bridges: one row per caller's report id, so the
-- same report sent twice starts one event.
create table gf_report_intake (
    source        varchar(32)  not null,
    report_id     varchar(100) not null,
    business_key  varchar(64)  not null,
    proc_inst_id  varchar(64),
    created       datetime(3)  not null,
    primary key (source, report_id)
);

-- Photos and other files attached to events; the event holds their ids (attachmentIds, JSON).
create table gf_attachment (
    id            varchar(36)  not null primary key,
    business_key  varchar(64),
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    content       mediumblob   not null,
    uploaded_by   varchar(255),
    created       datetime(3)  not null
);
create index ix_attachment_business_key on gf_attachment (business_key);
