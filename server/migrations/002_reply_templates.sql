-- Reusable reply templates per category (答复模板), kept by admins.
create table reply_templates (
  id uuid primary key,
  category_code text references categories (code),
  title text not null,
  body text not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index reply_templates_category_idx on reply_templates (category_code);
