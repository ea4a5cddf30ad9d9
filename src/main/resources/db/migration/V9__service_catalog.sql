-- The online service catalog: services, their predefined reasons, and what each requires.
-- Field and document lists hold the names of io.gridcare.requests.RequestField / DocumentKind.
create table service_type (
  code                        varchar(48)  primary key,
  category                    varchar(24)  not null,
  name_vi                     varchar(300) not null,
  name_en                     varchar(300) not null,
  description_vi              varchar(300),
  description_en              varchar(300),
  promised_working_days       integer      not null check (promised_working_days >= 0),
  promised_working_days_rural integer      check (promised_working_days_rural >= 0),
  fee_vnd                     bigint       check (fee_vnd >= 0),
  fee_note_vi                 varchar(300),
  fee_note_en                 varchar(300),
  handled_by                  varchar(16)  not null,
  requires_customer           boolean      not null,
  free_text_allowed           boolean      not null,
  auto_forward                boolean      not null,
  required_fields             text[]       not null default '{}',
  required_documents          text[]       not null default '{}',
  position                    integer      not null,
  active                      boolean      not null default true,
  version                     integer      not null default 0,
  updated_at                  timestamptz  not null default now(),
  updated_by                  varchar(64)
);

create table service_reason (
  service_type       varchar(48)  not null references service_type (code),
  code               varchar(48)  not null,
  label_vi           varchar(300) not null,
  label_en           varchar(300) not null,
  required_fields    text[]       not null default '{}',
  required_documents text[]       not null default '{}',
  position           integer      not null,
  active             boolean      not null default true,
  primary key (service_type, code)
);
