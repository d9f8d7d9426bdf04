-- 舆情 intake: near-duplicate matching for stories and the alert history per story.

-- MinHash signature (character 3-gram shingles) of a story's first post; new posts are compared
-- with it to decide whether they join the story (server/monitor/stories/minhash.ts). Each app node
-- keeps an LSH index of recent signatures in memory (stories/index-cache.ts), synced from here.
alter table stories add column signature integer[];

-- Every alert a story ever had (open or closed): an irrelevant mark keeps the story silent.
create index alerts_story_idx on alerts (story_id);
