-- Online service requests from the portal, their timeline and the customers' supplements.

-- The districts each Power Company serves: a request's address must lie in its unit's area.
create table unit_district (
  unit_code varchar(8)   not null references unit (code),
  province  varchar(100) not null,
  district  varchar(100) not null,
  primary key (unit_code, province, district)
);

insert into unit_district (unit_code, province, district)
select code, 'Hà Nội', substring(name from length('Điện lực ') + 1)
  from unit where corporation = 'EVNHANOI' and name like 'Điện lực %';

create table service_request (
  id                  bigserial     primary key,
  -- what the customer quotes to follow the request: hard to guess, so codes cannot be enumerated
  code                varchar(16)   not null unique,
  service_type        varchar(48)   not null references service_type (code),
  reason_code         varchar(48),
  customer_code       varchar(16),
  phone               varchar(16)   not null,
  contact_name        varchar(100)  not null,
  email               varchar(254),
  unit_code           varchar(8)    references unit (code),
  -- the draft as submitted, with the supplements merged in
  draft               jsonb         not null,
  warnings            jsonb         not null,
  status              varchar(24)   not null,
  triage_outcome      varchar(24),
  duplicate_of        varchar(16),
  outcome_note        varchar(1000),
  process_instance_id varchar(64),
  submitted_at        timestamptz   not null,
  triaged_at          timestamptz,
  forwarded_at        timestamptz,
  closed_at           timestamptz,
  -- queued for the search index (request texts, for similar-text duplicates)
  index_pending       boolean       not null default true,
  version             integer       not null default 0
);

create index service_request_by_phone on service_request (phone, service_type, submitted_at desc);
create index service_request_by_customer on service_request (customer_code, service_type, submitted_at desc)
  where customer_code is not null;
create index service_request_by_unit on service_request (unit_code, submitted_at);
create index service_request_index_pending on service_request (id) where index_pending;

create table service_request_event (
  request_id bigint       not null references service_request (id),
  seq        integer      not null,
  at         timestamptz  not null,
  status     varchar(24)  not null,
  note_vi    varchar(1000),
  note_en    varchar(1000),
  actor      varchar(64),
  primary key (request_id, seq)
);

create table service_request_supplement (
  request_id bigint       not null references service_request (id),
  seq        integer      not null,
  at         timestamptz  not null,
  draft      jsonb        not null,
  primary key (request_id, seq)
);

-- Customer 360 lookups by mobile number (a portal request names a phone, not always a customer code).
create index customer_by_mobile on customer ((profile -> 'contact' ->> 'mobile'));
