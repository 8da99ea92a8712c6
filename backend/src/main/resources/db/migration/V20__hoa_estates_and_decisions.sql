-- 业委会重大事项 (domain-spec §2): estates and their units (the register the vote is counted on), the decisions,
-- the vote rounds and ballots, publications (两公开), filings (一备案) and payments through the agent (业财代理).
-- Row ids are UUIDs written by the app (no identity columns: their syntax differs between H2 and MySQL/MariaDB).

create table gf_hoa_estate (
    id              varchar(32)  not null primary key,
    name            varchar(100) not null,
    community_id    varchar(32)  not null,
    committee_size  int          not null,
    constraint ck_hoa_estate_committee check (committee_size > 0)
);

-- One row per 专有部分 with its registered (登记簿) area in 0.01 m². owner_id is the owner's user id; unsold or
-- undelivered developer units have developer_unsold = true and together count as one owner.
create table gf_hoa_unit (
    id                varchar(40)  not null primary key,
    estate_id         varchar(32)  not null,
    unit_no           varchar(40)  not null,
    owner_id          varchar(64),
    owner_name        varchar(100),
    area_centi        bigint       not null,
    developer_unsold  boolean      not null,
    constraint fk_hoa_unit_estate foreign key (estate_id) references gf_hoa_estate (id),
    constraint uq_hoa_unit_no unique (estate_id, unit_no),
    constraint ck_hoa_unit_area check (area_centi > 0),
    constraint ck_hoa_unit_owner check (developer_unsold or owner_id is not null)
);
create index ix_hoa_unit_owner on gf_hoa_unit (owner_id);

create table gf_hoa_matter (
    id             varchar(40)   not null primary key,
    proc_inst_id   varchar(64)   not null,
    estate_id      varchar(32)   not null,
    community_id   varchar(32)   not null,
    title          varchar(200)  not null,
    matter_type    varchar(40)   not null,
    budget_fen     bigint,
    fund_source    varchar(32),
    proposer_id    varchar(64),
    outcome        varchar(40),
    created_at     datetime(3)   not null,
    closed_at      datetime(3),
    constraint fk_hoa_matter_estate foreign key (estate_id) references gf_hoa_estate (id),
    constraint uq_hoa_matter_proc unique (proc_inst_id)
);
create index ix_hoa_matter_estate on gf_hoa_matter (estate_id, created_at);

-- A ballot may only go in while its round is OPEN; the tally flips it to CLOSED under the same row lock that a
-- ballot takes, so no ballot slips in between counting and closing.
create table gf_hoa_vote_round (
    matter_id                varchar(40)  not null,
    round_no                 int          not null,
    status                   varchar(16)  not null,
    opens_at                 datetime(3)  not null,
    closes_at                datetime(3),
    ballot_count             int          not null,
    total_owner_count        bigint,
    participating_count      bigint,
    yes_count                bigint,
    total_area_centi         bigint,
    participating_area_centi bigint,
    yes_area_centi           bigint,
    quorum_met               boolean,
    passed                   boolean,
    primary key (matter_id, round_no),
    constraint ck_hoa_round_status check (status in ('OPEN', 'CLOSED'))
);

-- One ballot per owner (voter key: the buyer's user id, or DEVELOPER) per round; a second one is refused.
create table gf_hoa_ballot (
    id           varchar(36)  not null primary key,
    matter_id    varchar(40)  not null,
    round_no     int          not null,
    voter_key    varchar(64)  not null,
    choice       varchar(8)   not null,
    area_centi   bigint       not null,
    channel      varchar(16)  not null,
    recorded_by  varchar(64)  not null,
    recorded_at  datetime(3)  not null,
    constraint uq_hoa_ballot unique (matter_id, round_no, voter_key),
    constraint ck_hoa_ballot_choice check (choice in ('YES', 'NO', 'ABSTAIN'))
);

-- act_inst_id makes a publication idempotent: a service-task job that runs twice publishes once.
create table gf_hoa_publication (
    id            varchar(36)  not null primary key,
    matter_id     varchar(40)   not null,
    estate_id     varchar(32)   not null,
    kind          varchar(32)   not null,
    title         varchar(200)  not null,
    body          varchar(4000) not null,
    audience      varchar(64)   not null,
    published_at  datetime(3)   not null,
    act_inst_id   varchar(64)   not null,
    constraint uq_hoa_publication unique (act_inst_id, kind)
);
create index ix_hoa_publication_estate on gf_hoa_publication (estate_id, published_at);

create table gf_hoa_filing (
    id           varchar(36)  not null primary key,
    matter_id    varchar(40)   not null,
    kind         varchar(16)   not null,
    outcome      varchar(16)   not null,
    note         varchar(2000),
    filed_by     varchar(64),
    filed_at     datetime(3)   not null,
    act_inst_id  varchar(64)   not null,
    constraint uq_hoa_filing unique (act_inst_id)
);

-- One row per hoa-fund-payment instance (proc_inst_id unique): recording a payment twice records it once.
create table gf_hoa_payment (
    id             varchar(36)  not null primary key,
    matter_id      varchar(40)  not null,
    resolution_no  varchar(40)  not null,
    proc_inst_id   varchar(64)  not null,
    amount_fen     bigint       not null,
    payment_ref    varchar(64),
    status         varchar(24)  not null,
    paid_at        datetime(3)  not null,
    recovered_at   datetime(3),
    constraint uq_hoa_payment_proc unique (proc_inst_id),
    constraint ck_hoa_payment_amount check (amount_fen > 0),
    constraint ck_hoa_payment_status check (status in ('PAID', 'RECOVERY_REQUESTED'))
);
create index ix_hoa_payment_resolution on gf_hoa_payment (resolution_no, status);
