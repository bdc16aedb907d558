-- How the search index merges its segments (issue 14: 10,000 durable creates/s).
--
-- Every write transaction adds one FTS5 segment (store/search_queue). With FTS5's defaults
-- (automerge 4) a level is merged as soon as it holds 4 segments, so each entry is rewritten
-- about log4 of the index's size times: a sixth of the writer's time per post. Merging at 16
-- segments a level rewrites each entry half as often (about log16 times); crisismerge 64
-- keeps those merges incremental (a crisis merge is one blocking merge of a whole level, a
-- 130 ms stall in the create benchmark when it was left at 16).
--
-- More segments per level make a search read more of them. The writer therefore merges the
-- index further whenever it has been idle for a moment (store/search_queue.hpp:
-- merge_search_index, FTS5's 'merge' command down to 4 segments a level, in small steps
-- that give way to writes).
INSERT INTO search_index(search_index, rank) VALUES ('automerge', 16);
INSERT INTO search_index(search_index, rank) VALUES ('crisismerge', 64);
