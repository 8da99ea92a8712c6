-- 表彰奖励 (domain-spec §4.4): one row per commendation process, so an award job that runs twice adds the bonus once.
create table gf_promotion_commendation (
    proc_inst_id  varchar(64)  not null primary key,
    nominee_type  varchar(32)  not null,
    nominee_id    varchar(64),
    nominee_name  varchar(100) not null,
    bonus         decimal(5, 2) not null,
    awarded_at    timestamp    not null
);
