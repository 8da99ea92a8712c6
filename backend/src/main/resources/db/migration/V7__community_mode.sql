-- 平战转换: the mode each community is in. No row means peace.
create table gf_community_mode (
    community_id  varchar(32) not null primary key,
    city_mode     varchar(8)  not null,
    switched_at   datetime(3) not null,
    proc_inst_id  varchar(64),
    constraint ck_community_mode check (city_mode in ('PEACE', 'WAR'))
);
