-- The city's own place list (地名库): roads, estates and communities, landmarks, villages that the
-- city knows the region of (from its housing, civil-affairs or grid records). The place extractor
-- reads them next to the administrative divisions; the list it learns from dispatchers' confirmed
-- regions is computed, not stored.
create table places (
  name text not null check (length(name) between 2 and 40),
  region_code text not null references regions (code),
  kind text not null check (kind in ('road', 'community', 'landmark', 'village', 'town')),
  created_at timestamptz not null default now(),
  primary key (name, region_code)
);
create index places_region_idx on places (region_code);
