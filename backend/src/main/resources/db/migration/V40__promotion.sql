-- 专职网格员选聘 (domain-spec §4): HR records of grid workers, rounds and applications.
create table gf_promotion_hr_record (
    user_id            varchar(64)  not null primary key,
    community_id       varchar(32)  not null,
    grid_id            varchar(32),
    employment_type    varchar(32)  not null,
    service_years      decimal(5, 2) not null,
    birth_date         date         not null,
    education_rank     int          not null,
    disciplinary_until date,
    performance_score  decimal(5, 2) not null,
    commendation_bonus decimal(5, 2) default 0 not null,
    updated_at         timestamp    not null,
    version_no         bigint       default 0 not null
);

create table gf_promotion_assessment (
    user_id     varchar(64) not null,
    assess_year int         not null,
    grade       varchar(16) not null,
    primary key (user_id, assess_year)
);

create table gf_promotion_round (
    round_key     varchar(64) not null primary key,
    proc_inst_id  varchar(64),
    round_year    int         not null,
    post_pool     varchar(32) not null,
    opened_by     varchar(64) not null,
    opened_at     timestamp   not null,
    archived_at   timestamp
);

create table gf_promotion_application (
    id            bigint auto_increment primary key,
    round_key     varchar(64)  not null,
    applicant_id  varchar(64)  not null,
    community_id  varchar(32)  not null,
    status        varchar(32)  not null,
    rank_no       int,
    total_score   decimal(6, 2),
    violations    varchar(500),
    facts_json    varchar(4000),
    applied_at    timestamp    not null,
    updated_at    timestamp    not null,
    constraint uq_promotion_application unique (round_key, applicant_id)
);
create index ix_promotion_application_applicant on gf_promotion_application (applicant_id);
