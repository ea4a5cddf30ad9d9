-- One-time codes that prove a portal user holds the phone a request names. Only a hash of the code is kept.
create table phone_verification (
  id          uuid         primary key,
  phone       varchar(16)  not null,
  code_hash   varchar(64)  not null,
  created_at  timestamptz  not null,
  expires_at  timestamptz  not null,
  attempts    integer      not null default 0,
  verified_at timestamptz,
  used_at     timestamptz
);

create index phone_verification_by_created on phone_verification (created_at);
