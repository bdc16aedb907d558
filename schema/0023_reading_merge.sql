-- The reading view merges what a person follows (the Following timeline's posts) with their
-- external feeds' entries (issue 14). Read markers for posts in that view, per person; an
-- external entry keeps its marker in feed_entry_reads (0018).
CREATE TABLE reading_post_reads (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, post_id)
) WITHOUT ROWID;
CREATE INDEX reading_post_reads_post ON reading_post_reads(post_id);
