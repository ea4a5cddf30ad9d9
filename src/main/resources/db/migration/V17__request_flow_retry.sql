-- A request whose flow fails to start is tried again after a pause that doubles with each failure (up to ten
-- minutes), so it neither floods the log every second nor holds back the requests submitted after it.
alter table service_request
  add column flow_failures integer not null default 0,
  add column flow_retry_at timestamptz;
