-- Central notifications: events from the source systems, the notices they raise, and the delivery ledger (one
-- row per recipient, one per attempt on a channel). Per-recipient state lives here, not in process instances.

create table notice (
  id                  bigserial    primary key,
  type                varchar(40)  not null,
  source              varchar(16)  not null,
  status              varchar(20)  not null,
  urgency             varchar(10),
  mandatory           boolean      not null default false,
  receipt_window_min  integer      not null default 60,
  unit_code           varchar(8),
  audience            jsonb        not null,
  variables           jsonb        not null,
  -- the same content to the same customer within dedup_window_min is sent once (OMS and switching)
  content_key         varchar(200),
  dedup_window_min    integer      not null default 0,
  template_version    integer,
  send_at             timestamptz,
  process_instance_id varchar(64),
  recipients          integer      not null default 0,
  round               integer      not null default 0,
  approved_by         varchar(128),
  decision_comment    varchar(1000),
  created_at          timestamptz  not null default now(),
  completed_at        timestamptz
);
create index notice_content on notice (content_key, created_at) where content_key is not null;

create table notification_event (
  source      varchar(16)  not null,
  event_id    varchar(100) not null,
  type        varchar(40)  not null,
  occurred_at timestamptz  not null,
  payload     jsonb        not null,
  notice_id   bigint       not null references notice (id),
  received_at timestamptz  not null default now(),
  primary key (source, event_id)
);

-- One per recipient of a notice. status: PENDING (still being sent), DELIVERED, READ, FAILED (every channel
-- failed, or none reaches the customer), OPTED_OUT (refused every channel it has), MERGED (the same content
-- reached the customer through another notice within the window).
create table notice_delivery (
  notice_id     bigint       not null references notice (id),
  customer_code varchar(16)  not null,
  unit_code     varchar(8)   not null,
  substation    varchar(32),
  meter_book    varchar(32),
  channels      varchar(40),
  next_channel  smallint     not null default 0,
  status        varchar(12)  not null,
  merged_into   bigint,
  hold_until    timestamptz,
  updated_at    timestamptz  not null default now(),
  primary key (notice_id, customer_code)
);
create index notice_delivery_customer on notice_delivery (customer_code, notice_id);

-- A batch of attempts on one channel: what one push task sends.
create table notice_batch (
  id        bigserial   primary key,
  notice_id bigint      not null references notice (id),
  round     integer     not null,
  channel   varchar(8)  not null,
  seq       integer     not null,
  size      integer     not null
);
create index notice_batch_notice on notice_batch (notice_id, round);

-- One per recipient and channel tried. The delivery key is claimed (SENDING) before the channel is called,
-- so a retried task never sends the same attempt twice. status: PENDING, SENDING, SENT (taken, no receipt yet),
-- DELIVERED, READ, FAILED (rejected or failed receipt), EXPIRED (no receipt within the window, or in doubt).
create table delivery_attempt (
  delivery_key        varchar(48)  primary key,
  notice_id           bigint       not null references notice (id),
  customer_code       varchar(16)  not null,
  attempt             smallint     not null,
  round               integer      not null,
  channel             varchar(8)   not null,
  batch_id            bigint       references notice_batch (id),
  status              varchar(10)  not null,
  provider_message_id varchar(128),
  segments            smallint,
  cost                numeric(12, 2),
  error               varchar(300),
  claimed_at          timestamptz,
  sent_at             timestamptz,
  delivered_at        timestamptz,
  read_at             timestamptz,
  failed_at           timestamptz
);
create index delivery_attempt_batch on delivery_attempt (batch_id, status);
create index delivery_attempt_round on delivery_attempt (notice_id, round, status);
create index delivery_attempt_provider on delivery_attempt (channel, provider_message_id)
  where provider_message_id is not null;
create index delivery_attempt_customer on delivery_attempt (customer_code, notice_id);

-- Push tokens FCM answered UNREGISTERED for: the App was removed or the token rotated. Never used again.
create table dropped_push_token (
  token      varchar(4096) primary key,
  dropped_at timestamptz   not null default now()
);
