-- The Zalo OA's tokens, one row per Zalo application. The refresh token is single-use (each refresh answers a new
-- one), so the servers own it here and refresh under a row lock; workers ask a server for the access token.
create table zalo_oa_token (
  app_id                   varchar(64)  primary key,
  access_token             text,
  access_expires_at        timestamptz,
  refresh_token            text         not null,
  refresh_expires_at       timestamptz,
  refreshed_at             timestamptz,
  updated_at               timestamptz  not null default now(),
  updated_by               varchar(64),
  -- the last refresh that failed since the last one that worked (no token in it)
  failures                 integer      not null default 0,
  last_error               varchar(500),
  last_error_at            timestamptz
);
