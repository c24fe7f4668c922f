-- Contract figures and dataset check results per batch, and resubmissions of quarantined rows.
-- Standard SQL: runs on the embedded store (H2) and PostgreSQL alike.

create table contract_metric (
    batch_hash   varchar(64)  not null,
    input        varchar(64)  not null,
    column_name  varchar(128) not null,
    metric       varchar(64)  not null,
    label        varchar(256) not null,
    metric_value double precision not null,
    recorded_at  timestamp with time zone not null,
    primary key (batch_hash, column_name, metric, label)
);
create index contract_metric_by_input on contract_metric (input, recorded_at);

create table contract_check (
    batch_hash  varchar(64)  not null,
    input       varchar(64)  not null,
    check_name  varchar(256) not null,
    severity    varchar(8)   not null,
    passed      boolean      not null,
    message     varchar(4000) not null,
    recorded_at timestamp with time zone not null,
    primary key (batch_hash, check_name)
);

create table batch_resubmission (
    batch_hash    varchar(64) primary key references batch(hash),
    original_hash varchar(64) not null references batch(hash),
    recorded_at   timestamp with time zone not null
);
create index batch_resubmission_by_original on batch_resubmission (original_hash);
