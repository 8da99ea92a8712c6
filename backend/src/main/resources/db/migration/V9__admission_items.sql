-- 网格事项准入清单 published to the public (向社会公布): every item added through grid-matter-admission-request,
-- with the decision version that admits it. The standing items of the first list live in the deployed decision.
create table gf_admission_item (
    item_code        varchar(32)   not null primary key,
    item_name        varchar(200)  not null,
    category_code    varchar(40)   not null,
    requesting_dept  varchar(32),
    legal_basis      varchar(1000),
    temporary_item   boolean       not null,
    valid_to         datetime(3),
    list_version     integer       not null,
    approved_at      datetime(3)   not null,
    proc_inst_id     varchar(64)   not null
);
