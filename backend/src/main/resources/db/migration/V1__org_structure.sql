-- City → community → grid (→ micro-grid) and the city departments (domain-spec §0).
-- Longgang has no towns: communities hang directly under the city.
create table gf_community (
    id          varchar(32)  not null primary key,
    name        varchar(100) not null,
    sort_order  int          not null default 0
);

create table gf_grid (
    id            varchar(32)  not null primary key,
    community_id  varchar(32)  not null,
    parent_id     varchar(32),
    name          varchar(100) not null,
    households    int,
    sort_order    int          not null default 0,
    constraint fk_grid_community foreign key (community_id) references gf_community (id),
    constraint fk_grid_parent foreign key (parent_id) references gf_grid (id)
);
create index ix_grid_community on gf_grid (community_id);

create table gf_department (
    id          varchar(32)  not null primary key,
    name        varchar(100) not null,
    sort_order  int          not null default 0
);

-- Business keys such as EV-20261127-00001: one counter per prefix and day.
create table gf_sequence (
    name   varchar(64) not null primary key,
    seq_value  bigint  not null
);
