-- 政府购买服务 (domain-spec §3, regulation arts. 6–7). Money is BIGINT fen (§0.3).

-- The catalogue (目录清单): one row per item, in its current state.
create table gf_procurement_item (
    item_code       varchar(40)   not null primary key,
    item_name       varchar(200)  not null,
    item_class      varchar(32)   not null,
    delivery_mode   varchar(16)   not null,
    legal_basis     varchar(1000) not null,
    service_nature  varchar(64)   not null,
    dept_id         varchar(32)   not null,
    status          varchar(32)   not null,
    status_reason   varchar(500),
    proc_inst_id    varchar(64),
    proposed_by     varchar(255)  not null,
    created_at      datetime(3)   not null,
    updated_at      datetime(3)   not null,
    constraint ck_procurement_item_status check (status in ('PROPOSED', 'PUBLISHED', 'SUSPENDED', 'REMOVED',
        'REJECTED_NEGATIVE_LIST', 'NOT_APPROVED')),
    constraint ck_procurement_item_class check (item_class in ('PUBLIC_SERVICE', 'AUXILIARY')),
    constraint ck_procurement_item_mode check (delivery_mode in ('ENTRUST', 'PURCHASE'))
);
create index ix_procurement_item_status on gf_procurement_item (status);

-- Every publication of the catalogue (向社会公布) is kept as a numbered version with its items as published then,
-- so any version can be shown and compared with the one before.
create table gf_procurement_publication (
    version_no    int           not null primary key,
    published_at  datetime(3)   not null,
    reason        varchar(500)  not null,
    item_count    int           not null
);

create table gf_procurement_publication_item (
    version_no     int           not null,
    item_code      varchar(40)   not null,
    item_name      varchar(200)  not null,
    item_class     varchar(32)   not null,
    delivery_mode  varchar(16)   not null,
    legal_basis    varchar(1000) not null,
    dept_id        varchar(32)   not null,
    status         varchar(32)   not null,
    primary key (version_no, item_code),
    constraint fk_publication_item_version foreign key (version_no) references gf_procurement_publication (version_no)
);

-- Necessity evaluations of catalogue items (yearly and off-cycle) with the catalog-adjustment outcome.
create table gf_procurement_review (
    id               varchar(36)   not null primary key,
    item_code        varchar(40)   not null,
    necessity_score  int           not null,
    legal_change     boolean       not null,
    poor_grades      int           not null,
    adjustment       varchar(32)   not null,
    activity_inst    varchar(64)   not null,
    created_at       datetime(3)   not null,
    constraint uq_procurement_review_activity unique (activity_inst)
);
create index ix_procurement_review_item on gf_procurement_review (item_code);

create table gf_procurement_contract (
    contract_id        varchar(40)   not null primary key,
    item_code          varchar(40)   not null,
    dept_id            varchar(32)   not null,
    budget_fen         bigint        not null,
    provider_id        varchar(40),
    price_fen          bigint,
    service_items      varchar(2000),
    quality_kpis       varchar(2000),
    payment_method     varchar(1000),
    term_months        int,
    stable_continuous  boolean,
    term_start         datetime(3),
    term_end           datetime(3),
    eval_cycle         varchar(32),
    prepay_pct         int,
    instalments        int,
    status             varchar(32)   not null,
    proc_inst_id       varchar(64),
    created_by         varchar(255)  not null,
    created_at         datetime(3)   not null,
    updated_at         datetime(3)   not null,
    constraint ck_procurement_contract_budget check (budget_fen >= 0),
    constraint ck_procurement_contract_price check (price_fen is null or price_fen > 0),
    constraint ck_procurement_contract_term check (term_months is null or term_months between 1 and 36)
);
create index ix_procurement_contract_item on gf_procurement_contract (item_code);
create index ix_procurement_contract_status on gf_procurement_contract (status);

-- Evaluations (periodic, re-evaluation, third-party, final) with their grade and pay percentage. One row per
-- recording activity instance, so a step that runs again does not record twice.
create table gf_procurement_evaluation (
    id             varchar(36)   not null primary key,
    contract_id    varchar(40)   not null,
    item_code      varchar(40)   not null,
    kind           varchar(16)   not null,
    period_no      int,
    score          int           not null,
    grade          varchar(8)    not null,
    pay_pct        int           not null,
    note           varchar(1000),
    evaluated_by   varchar(255),
    activity_inst  varchar(64)   not null,
    created_at     datetime(3)   not null,
    constraint uq_procurement_evaluation_activity unique (activity_inst),
    constraint ck_procurement_evaluation_score check (score between 0 and 100)
);
create index ix_procurement_evaluation_contract on gf_procurement_evaluation (contract_id);
create index ix_procurement_evaluation_item on gf_procurement_evaluation (item_code, created_at);

-- Payments and recoveries. idem_key names the obligation (advance, instalment n, recovery): a job that runs twice
-- finds its row and pays nothing more.
create table gf_procurement_payment (
    id           varchar(36)   not null primary key,
    contract_id  varchar(40)   not null,
    kind         varchar(16)   not null,
    period_no    int,
    base_fen     bigint        not null,
    pay_pct      int           not null,
    amount_fen   bigint        not null,
    idem_key     varchar(120)  not null,
    created_at   datetime(3)   not null,
    constraint uq_procurement_payment_idem unique (idem_key),
    constraint ck_procurement_payment_kind check (kind in ('ADVANCE', 'INSTALMENT', 'RECOVERY')),
    constraint ck_procurement_payment_amount check (amount_fen >= 0)
);
create index ix_procurement_payment_contract on gf_procurement_payment (contract_id);

-- Providers (承接主体) and the restriction after a withdrawal (BK: one year).
create table gf_procurement_provider (
    provider_id       varchar(40)   not null primary key,
    name              varchar(200)  not null,
    restricted_until  datetime(3),
    created_at        datetime(3)   not null
);
