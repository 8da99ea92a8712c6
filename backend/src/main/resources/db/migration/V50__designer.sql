-- Who deployed each deployment (the engine keeps time and source, not the author); written in the deploying
-- transaction for every path that deploys, so an engine-rest deployment is attributed as well.
create table gf_designer_deployment (
    deployment_id   varchar(64)   not null primary key,
    deployed_by     varchar(64),
    deploy_source   varchar(255),
    deployed_at     datetime(3)   not null
);

-- A designer's unfinished edit of one model, kept server-side until they deploy or discard it.
create table gf_designer_draft (
    user_id         varchar(64)   not null,
    kind            varchar(16)   not null,
    model_key       varchar(255)  not null,
    resource_name   varchar(255)  not null,
    content         mediumtext    not null,
    base_version    bigint,
    updated_at      datetime(3)   not null,
    constraint pk_designer_draft primary key (user_id, kind, model_key)
);
