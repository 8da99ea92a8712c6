-- 选聘 round archive (domain-spec §4.3 step 11, art. 22): objections as filed, one personnel-file record per
-- candidate of a round, and the round's published results with their text. Written once, when the round archives.
create table gf_promotion_objection (
    id            bigint auto_increment primary key,
    round_key     varchar(64)   not null,
    applicant_id  varchar(64)   not null,
    filed_by      varchar(64)   not null,
    filed_at      timestamp     not null,
    objection     varchar(2000) not null
);
create index ix_promotion_objection_candidate on gf_promotion_objection (round_key, applicant_id);

create table gf_promotion_personnel_record (
    round_key         varchar(64)   not null,
    applicant_id      varchar(64)   not null,
    final_status      varchar(32)   not null,
    written_score     decimal(6, 2),
    interview_score   decimal(6, 2),
    bonus             decimal(6, 2),
    total_score       decimal(6, 2),
    rank_no           int,
    publicity_end_at  varchar(40),
    objections_filed  int           not null,
    objection_outcome varchar(32),
    appointment_result varchar(32)  not null,
    record_json       mediumtext    not null,
    archived_at       timestamp     not null,
    primary key (round_key, applicant_id)
);
create index ix_promotion_personnel_applicant on gf_promotion_personnel_record (applicant_id);

create table gf_promotion_publication (
    round_key     varchar(64)  not null primary key,
    published_at  timestamp    not null,
    scope         varchar(32)  not null,
    title         varchar(200) not null,
    body          mediumtext   not null,
    entries_json  mediumtext   not null
);
