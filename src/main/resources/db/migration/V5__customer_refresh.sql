-- One queued index change per customer: an initial load touches each customer once per source, and the sync
-- reads the profile as it is when it sends it, so later changes of a queued customer need no row of their own.
delete from customer_index_outbox o
 using customer_index_outbox newer
 where o.customer_code = newer.customer_code and o.id < newer.id;
create unique index customer_index_outbox_customer on customer_index_outbox (customer_code);

-- Runs that re-derive every profile from the stored source records and re-evaluate the segments: nightly (counts
-- over the last 12 months move with the date), after a new version of the segment decisions, or on request.
create table customer_refresh (
  id                bigserial    primary key,
  reason            varchar(32)  not null,
  requested_by      varchar(128),
  status            varchar(16)  not null,
  decision_versions varchar(512),
  customers_total   bigint       not null default 0,
  customers_done    bigint       not null default 0,
  profiles_changed  bigint       not null default 0,
  segments_changed  bigint       not null default 0,
  last_code         varchar(16),
  created_at        timestamptz  not null default now(),
  started_at        timestamptz,
  progress_at       timestamptz,
  finished_at       timestamptz,
  error             text
);
-- at most one run in progress across all servers
create unique index customer_refresh_one_running on customer_refresh ((true)) where status in ('QUEUED', 'RUNNING');
