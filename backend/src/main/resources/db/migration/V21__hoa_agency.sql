-- 业财代理 engagements (domain-spec §2.6): one row per matter whose resolution appoints an accounting agent. The row
-- is written before hoa-fund-agency starts, in the same transaction, so a job that runs twice starts one agency
-- (matter_id is unique); the business key of the agency process is the row id, AGENCY-{matterId}.
create table gf_hoa_agency (
    id             varchar(48)  not null primary key,
    matter_id      varchar(40)  not null,
    estate_id      varchar(32)  not null,
    resolution_no  varchar(40)  not null,
    proc_inst_id   varchar(64),
    started_at     datetime(3)  not null,
    constraint uq_hoa_agency_matter unique (matter_id),
    constraint fk_hoa_agency_estate foreign key (estate_id) references gf_hoa_estate (id)
);
create index ix_hoa_agency_estate on gf_hoa_agency (estate_id, started_at);
