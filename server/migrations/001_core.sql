-- Core schema: regions, units, people, categories, appeals and their append-only event log.
-- Standard PostgreSQL only (no extensions), so the same SQL runs on the embedded server, any
-- PostgreSQL 15+ and Citus (appeal_id is the natural distribution column of appeal tables).

create table regions (
  code text primary key,                       -- GB/T 2260 style division code
  name text not null,
  level smallint not null check (level between 1 and 5), -- 1 province … 5 village/community
  parent_code text references regions (code),
  path text not null unique                     -- '/34/341200/341221/' : ancestry for scoping
);
create index regions_path_idx on regions (path text_pattern_ops);

create table units (
  id uuid primary key,
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('region', 'department', 'enterprise', 'platform')),
  region_code text not null references regions (code),
  parent_id uuid references units (id),
  requires_reply_review boolean not null default false,
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
create index units_region_idx on units (region_code);

create table users (
  id uuid primary key,
  username text not null unique,
  password_hash text not null,
  display_name text not null,
  role text not null,
  unit_id uuid references units (id),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);

-- Opaque session tokens; only their SHA-256 is stored.
create table sessions (
  token_hash text primary key,
  user_id uuid references users (id),
  resident_phone text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check ((user_id is null) <> (resident_phone is null))
);
create index sessions_expiry_idx on sessions (expires_at);

create table time_limit_classes (
  code text primary key,
  name text not null,
  sign_days integer not null check (sign_days >= 0),
  handle_days integer check (handle_days > 0),   -- null: set at consultation (complex)
  warn_before_hours integer not null default 24 check (warn_before_hours >= 0)
);

create table categories (
  code text primary key,
  name text not null,
  parent_code text references categories (code),
  level smallint not null check (level between 1 and 3),
  time_limit_class text references time_limit_classes (code),
  unique (parent_code, name)
);

create table appeals (
  id uuid primary key,
  tracking_code text not null unique,
  channel text not null,
  channel_ref text,
  title text not null,
  body text not null,
  category_code text references categories (code),
  address text,
  longitude double precision,
  latitude double precision,
  region_code text references regions (code),
  resident_name text,
  phone text not null,
  is_confidential boolean not null default false,
  may_publish boolean not null default false,
  status text not null,
  version integer not null default 1,
  time_limit_class text not null references time_limit_classes (code),
  urgency_reason text,
  lead_unit_id uuid references units (id),
  -- Deadlines are recomputable from these: start + limit (+ extensions) on the working calendar.
  clock_started_at timestamptz,
  sign_limit_days integer,
  sign_due_at timestamptz,
  handle_limit_days integer,
  extension_days integer not null default 0,
  due_at timestamptz,
  is_due_provisional boolean not null default false,
  signed_at timestamptz,
  replied_at timestamptz,
  closed_at timestamptz,
  unsatisfied_count integer not null default 0,
  supervision_level integer not null default 0,
  warning_level text,
  merged_into_id uuid references appeals (id),
  submitted_by uuid references users (id),
  search_text tsvector,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index appeals_channel_ref_idx on appeals (channel, channel_ref) where channel_ref is not null;
create index appeals_status_idx on appeals (status, created_at desc);
create index appeals_phone_idx on appeals (phone);
create index appeals_due_idx on appeals (due_at) where status in ('assigned', 'in_progress', 'reply_review', 'reopened');
create index appeals_search_idx on appeals using gin (search_text);
create index appeals_region_idx on appeals (region_code);

-- Units on an appeal: the lead (主办), co-units (协办), summoned (吹哨报到) and supervising (提级).
create table appeal_units (
  appeal_id uuid not null references appeals (id),
  unit_id uuid not null references units (id),
  role text not null check (role in ('lead', 'co', 'summoned', 'supervising')),
  is_current boolean not null default true,
  created_at timestamptz not null default now(),
  reported_at timestamptz,
  primary key (appeal_id, unit_id, role)
);
create index appeal_units_unit_idx on appeal_units (unit_id) where is_current;

-- The audit trail: one row per step, never updated or deleted.
create table appeal_events (
  id bigint generated always as identity primary key,
  appeal_id uuid not null references appeals (id),
  seq integer not null,
  action text not null,
  actor_type text not null check (actor_type in ('user', 'resident', 'system')),
  actor_id uuid references users (id),
  actor_unit_id uuid references units (id),
  from_status text,
  to_status text not null,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  unique (appeal_id, seq)
);

create function forbid_event_change() returns trigger language plpgsql as $$
begin
  raise exception 'appeal_events is append-only';
end $$;
create trigger appeal_events_append_only before update or delete on appeal_events
  for each row execute function forbid_event_change();

create table attachments (
  id uuid primary key,
  appeal_id uuid references appeals (id),
  reply_id uuid,
  filename text not null,
  mime_type text not null,
  byte_size integer not null,
  sha256 text not null,
  storage_key text not null,
  uploaded_by_user uuid references users (id),
  uploaded_by_phone text,
  created_at timestamptz not null default now()
);
create index attachments_appeal_idx on attachments (appeal_id);

create table replies (
  id uuid primary key,
  appeal_id uuid not null references appeals (id),
  unit_id uuid not null references units (id),
  author_id uuid not null references users (id),
  resolution text not null,
  body text not null,
  state text not null check (state in ('pending_review', 'published', 'sent_back')),
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  created_at timestamptz not null default now()
);
create index replies_appeal_idx on replies (appeal_id, created_at);

create table ratings (
  id uuid primary key,
  appeal_id uuid not null references appeals (id),
  reply_id uuid not null references replies (id),
  rating text not null,
  comment text,
  created_at timestamptz not null default now()
);
create index ratings_appeal_idx on ratings (appeal_id);

create table extensions (
  id uuid primary key,
  appeal_id uuid not null references appeals (id),
  unit_id uuid not null references units (id),
  requested_by uuid not null references users (id),
  days integer not null check (days > 0),
  reason text not null,
  state text not null check (state in ('pending', 'granted', 'refused')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz not null default now()
);
create unique index extensions_one_pending_idx on extensions (appeal_id) where state = 'pending';

-- One-time codes for residents; only a hash of the code is kept.
create table resident_otps (
  id uuid primary key,
  phone text not null,
  code_hash text not null,
  attempts integer not null default 0,
  expires_at timestamptz not null,
  consumed_at timestamptz,
  created_at timestamptz not null default now()
);
create index resident_otps_phone_idx on resident_otps (phone, created_at desc);

-- Development SMS sender writes here (and to the log) instead of a gateway.
create table sms_outbox (
  id bigint generated always as identity primary key,
  phone text not null,
  body text not null,
  created_at timestamptz not null default now()
);

create table notifications (
  id bigint generated always as identity primary key,
  appeal_id uuid references appeals (id),
  recipient_unit_id uuid references units (id),
  recipient_user_id uuid references users (id),
  recipient_phone text,
  kind text not null,
  message text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_unit_idx on notifications (recipient_unit_id, created_at desc);

-- Working calendar: official yearly schedules loaded by admins, plus local overrides.
create table calendar_years (
  year integer primary key,
  days jsonb not null,
  source text not null,
  loaded_by uuid references users (id),
  loaded_at timestamptz not null default now()
);
create table calendar_overrides (
  date date primary key,
  is_off_day boolean not null,
  name text not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
