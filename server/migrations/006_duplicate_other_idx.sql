-- Duplicate proposals are read from both sides (the appeal list counts them per appeal, the appeal
-- page lists them): the primary key covers appeal_id, this covers other_id.
create index duplicate_candidates_other_idx on duplicate_candidates (other_id);
