-- Customer 360. Each source system's latest record per customer is kept as it came (customer_source_record);
-- the profile is assembled from them (customer.profile), so it can always be rebuilt. Audience queries use
-- expression indexes on the profile instead of copies of its fields.

alter table unit add column urban boolean not null default false;
-- Inner-city districts of Hanoi; the rest of EVNHANOI's units serve suburban and rural areas.
update unit set urban = true
 where code in ('PD01', 'PD02', 'PD03', 'PD04', 'PD05', 'PD10', 'PD11', 'PD12', 'PD13', 'PD14', 'PD16', 'PD30');

create table customer_source_record (
  customer_code varchar(16) not null,
  source        varchar(16) not null,
  -- the source system's own time of this record: an older one never replaces a newer one
  updated_at    timestamptz not null,
  payload       jsonb       not null,
  received_at   timestamptz not null default now(),
  primary key (customer_code, source)
);

create table customer (
  code       varchar(16)  primary key,
  unit_code  varchar(8)   not null references unit (code),
  profile    jsonb        not null,
  updated_at timestamptz  not null
);
create index customer_unit on customer (unit_code);
create index customer_substation on customer ((profile -> 'location' ->> 'substation'));
create index customer_feeder on customer ((profile -> 'location' ->> 'feeder'));
create index customer_meter_book on customer ((profile -> 'location' ->> 'meterBook'));

-- Membership of corporate (one at a time) and regional groups; rows that have left are the history.
create table customer_segment (
  id            bigserial   primary key,
  customer_code varchar(16) not null references customer (code),
  kind          varchar(10) not null check (kind in ('CORPORATE', 'REGIONAL')),
  segment       varchar(64) not null,
  entered_at    timestamptz not null,
  left_at       timestamptz
);
create unique index customer_segment_current on customer_segment (customer_code, kind, segment) where left_at is null;
create index customer_segment_by_segment on customer_segment (segment) where left_at is null;

-- Profiles changed in PostgreSQL and not yet in the search index (transactional outbox).
create table customer_index_outbox (
  id            bigserial   primary key,
  customer_code varchar(16) not null,
  created_at    timestamptz not null default now()
);
