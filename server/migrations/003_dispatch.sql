-- Smart dispatch: city settings, trained models (kept in the database so app nodes stay stateless),
-- routing rules, the suggestion made for each appeal, dispatchers' corrections, proposed duplicates
-- and hot issues (热点).

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

-- Trained classifiers: 'category' or 'unit'; the newest active one of a kind is used.
create table dispatch_models (
  id uuid primary key,
  kind text not null check (kind in ('category', 'unit')),
  model bytea not null,                     -- gzip of the model file
  rows integer not null,
  metrics jsonb,
  trained_at timestamptz not null default now(),
  source text not null,                     -- 'file:…', 'database', 'scheduled'
  is_active boolean not null default true
);
create index dispatch_models_kind_idx on dispatch_models (kind, trained_at desc);

-- Routing rules (谁主管 + 属地): category and/or region and/or keyword → a unit, or the region's own
-- government (territorial). More specific rules win; priority breaks ties.
create table routing_rules (
  id uuid primary key,
  category_code text references categories (code),
  region_code text references regions (code),
  keyword text,
  target text not null check (target in ('unit', 'territorial')),
  unit_id uuid references units (id),
  priority integer not null default 0,
  note text,
  is_active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((target = 'unit') = (unit_id is not null))
);

-- What Minsheng suggested for an appeal, and whether it assigned it by itself.
create table dispatch_suggestions (
  appeal_id uuid primary key references appeals (id),
  suggestion jsonb not null,
  model_id uuid references dispatch_models (id),
  is_auto_assigned boolean not null default false,
  created_at timestamptz not null default now()
);

-- A dispatcher's decision that differs from (or confirms) the suggestion: training data for the next model.
create table dispatch_corrections (
  id bigint generated always as identity primary key,
  appeal_id uuid not null references appeals (id),
  kind text not null check (kind in ('category', 'unit', 'region')),
  suggested text,
  chosen text not null,
  user_id uuid references users (id),
  created_at timestamptz not null default now()
);
create index dispatch_corrections_appeal_idx on dispatch_corrections (appeal_id);

-- Proposed duplicates (疑似重复): the dispatcher merges or dismisses them.
create table duplicate_candidates (
  appeal_id uuid not null references appeals (id),
  other_id uuid not null references appeals (id),
  score real not null,
  reasons jsonb not null default '[]',
  status text not null default 'proposed' check (status in ('proposed', 'merged', 'dismissed')),
  created_at timestamptz not null default now(),
  primary key (appeal_id, other_id)
);

-- Hot issues: online clusters of similar appeals.
create table hot_issues (
  id bigint generated always as identity primary key,
  label text not null,
  keywords text[] not null default '{}',
  centroid jsonb not null,
  size integer not null default 0,
  likes integer not null default 0,
  heat double precision not null default 0,
  first_at timestamptz not null,
  last_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index hot_issues_heat_idx on hot_issues (heat desc);

create table hot_issue_members (
  hot_issue_id bigint not null references hot_issues (id),
  appeal_id uuid not null references appeals (id),
  similarity real not null,
  added_at timestamptz not null default now(),
  primary key (appeal_id)
);
create index hot_issue_members_issue_idx on hot_issue_members (hot_issue_id);

-- Residents' support (点赞/附议) on message-board appeals: it counts in hot-issue heat.
alter table appeals add column support_count integer not null default 0;
