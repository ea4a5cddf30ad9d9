-- When PostgreSQL last changed the profile (the database's clock, unlike updated_at which is the sources').
-- A search index rebuild re-reads what changed while it ran.
alter table customer add column changed_at timestamptz not null default now();
create index customer_changed_at on customer (changed_at);
