-- 舆情 monitoring: sources, posts and their engagement history, stories, keyword schemes, alert
-- rules, alerts (one open alert per story), dispatched posts, and the 24-hour duty roster.

-- Where posts come from: a push client (HMAC-signed batches), a polled RSS/Atom feed, or file import.
create table monitor_sources (
  id uuid primary key,
  code text not null unique,                  -- sent by push clients in X-Minsheng-Source
  name text not null,
  kind text not null check (kind in ('push', 'feed', 'import')),
  platform text,                              -- default platform of its posts (feeds, imports)
  secret text,                                -- HMAC-SHA256 key of a push source
  feed_url text,
  poll_seconds integer not null default 300 check (poll_seconds >= 10),
  etag text,
  last_modified text,
  last_polled_at timestamptz,
  last_error text,
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);

-- Stories group posts about the same event (near-duplicate text, same place, close in time).
create table stories (
  id bigint generated always as identity primary key,
  label text not null,
  region_code text references regions (code),
  first_at timestamptz not null,
  last_at timestamptz not null,
  post_count integer not null default 1,
  heat double precision not null default 0,
  peak_heat double precision not null default 0,
  negativity real,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index stories_last_idx on stories (last_at desc);

-- One row per (platform, platform post id): the same post arriving twice is one post.
create table posts (
  id bigint generated always as identity primary key,
  platform text not null,
  platform_post_id text not null,
  source_id uuid references monitor_sources (id),
  author_name text,
  author_id text,
  author_followers integer,
  author_verified boolean not null default false,
  title text,
  text text not null,
  media jsonb not null default '[]',
  url text,
  place text,
  region_code text references regions (code),
  latitude double precision,
  longitude double precision,
  published_at timestamptz not null,
  received_at timestamptz not null default now(),
  likes bigint not null default 0,
  shares bigint not null default 0,
  comments bigint not null default 0,
  views bigint not null default 0,
  heat double precision not null default 0,
  negativity real,
  scheme_ids uuid[] not null default '{}',
  story_id bigint references stories (id),
  updated_at timestamptz not null default now(),
  unique (platform, platform_post_id)
);
create index posts_received_idx on posts (received_at desc);
create index posts_story_idx on posts (story_id);

-- Engagement as a time series: every observation of a post's counters.
create table post_engagement (
  post_id bigint not null references posts (id),
  observed_at timestamptz not null,
  likes bigint not null,
  shares bigint not null,
  comments bigint not null,
  views bigint not null,
  primary key (post_id, observed_at)
);

-- Keyword schemes (监测方案): a boolean expression over segmented text, per topic and region.
create table keyword_schemes (
  id uuid primary key,
  name text not null,
  topic text not null,
  region_code text references regions (code),
  expression text not null,
  is_active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Alert rules with levels; params hold thresholds (e.g. negativity, heat growth, followers, words).
create table alert_rules (
  id uuid primary key,
  name text not null,
  kind text not null check (kind in ('negative_rising', 'influential_author', 'sensitive_words')),
  level text not null check (level in ('red', 'orange', 'yellow')),
  params jsonb not null default '{}',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Alerts: a story raises one open alert; later posts raise its level or add reasons, not new alerts.
create table alerts (
  id bigint generated always as identity primary key,
  story_id bigint not null references stories (id),
  post_id bigint not null references posts (id),  -- the post that raised it
  level text not null check (level in ('red', 'orange', 'yellow')),
  reasons jsonb not null default '[]',
  status text not null default 'open' check (status in ('open', 'handled', 'irrelevant', 'dispatched')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  handled_by uuid references users (id),
  handled_at timestamptz,
  note text,
  appeal_id uuid references appeals (id)
);
create unique index alerts_open_story_idx on alerts (story_id) where status = 'open';
create index alerts_status_idx on alerts (status, created_at desc);

-- A post turned into an appeal (转办): the measured loop posted → detected → dispatched → replied → resolved.
create table post_dispatches (
  post_id bigint not null references posts (id),
  appeal_id uuid not null references appeals (id),
  alert_id bigint references alerts (id),
  posted_at timestamptz not null,
  detected_at timestamptz not null,
  dispatched_at timestamptz not null,
  dispatched_by uuid references users (id),
  primary key (post_id)
);
create index post_dispatches_appeal_idx on post_dispatches (appeal_id);

-- The 24-hour duty roster (值班表) and handover notes (交接班).
create table duty_shifts (
  id uuid primary key,
  user_id uuid not null references users (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  is_lead boolean not null default false,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index duty_shifts_time_idx on duty_shifts (starts_at, ends_at);

create table duty_handovers (
  id uuid primary key,
  shift_id uuid references duty_shifts (id),
  author_id uuid not null references users (id),
  note text not null,
  created_at timestamptz not null default now()
);
