-- Every ingest batch fingerprints the duty officers' marks (count and latest change of alerts that
-- are no longer open) to know whether the rules' feedback changed; without an index that is a scan
-- of all alert history per batch. This partial index makes it an index-only aggregate.
create index alerts_marked_idx on alerts (updated_at, handled_at) where status <> 'open';
