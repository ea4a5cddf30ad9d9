-- CSV imports from source systems: one row per uploaded file, its progress committed after every chunk so that
-- a job a stopped server left running resumes where it was. The file itself is in <data-dir>/imports/<id>.csv
-- while the job is queued or running.
create table source_import (
  id          uuid         primary key,
  source      varchar(16)  not null,
  status      varchar(10)  not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
  file_name   varchar(255),
  created_by  varchar(128) not null,
  created_at  timestamptz  not null,
  started_at  timestamptz,
  finished_at timestamptz,
  bytes_total bigint       not null,
  bytes_read  bigint       not null default 0,
  -- data rows taken so far, always up to the end of a customer: a resumed job skips this many
  rows_read   bigint       not null default 0,
  records     bigint       not null default 0,
  applied     bigint       not null default 0,
  unchanged   bigint       not null default 0,
  stale       bigint       not null default 0,
  rejected    bigint       not null default 0,
  error       text
);
create index source_import_recent on source_import (created_at desc);
create index source_import_unfinished on source_import (created_at) where status in ('QUEUED', 'RUNNING');

-- Every problem with every rejected record, by CSV line (the header is line 1).
create table source_import_rejection (
  id            bigserial    primary key,
  import_id     uuid         not null references source_import (id) on delete cascade,
  line          bigint       not null,
  customer_code text,
  field         text,
  problem       text         not null
);
create index source_import_rejection_by_line on source_import_rejection (import_id, line, id);
