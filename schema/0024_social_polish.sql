-- Topic pages read one range of an index instead of sorting the topic's posts on every read.
--
-- topic_timeline holds one row per (topic, published post with that #topic in its own text,
-- not in a reply), keyed newest first like the company feed and the Following feed. Who may
-- SEE a row is never decided here: the read joins the live post (state, space) and applies
-- the one rule's practice reach, as the Following feed does. The rows are a pure function of
-- posts.published_at and text_references; the triggers below keep them so in the same
-- transaction as every write of either, whatever code path made it.
CREATE TABLE topic_timeline (
  tag          TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  post_id      INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  PRIMARY KEY (tag, published_at DESC, post_id DESC)
) WITHOUT ROWID;
CREATE INDEX topic_timeline_post ON topic_timeline(post_id);

INSERT OR IGNORE INTO topic_timeline(tag, published_at, post_id)
  SELECT r.value, p.published_at, p.id FROM text_references r
    JOIN posts p ON p.id = r.post_id AND p.published_at IS NOT NULL
    WHERE r.kind = 'topic' AND r.reply_id IS NULL;

-- A topic saved for a published post (after the post, or again when its text changes).
CREATE TRIGGER topic_timeline_ref_insert AFTER INSERT ON text_references
  WHEN new.kind = 'topic' AND new.reply_id IS NULL
BEGIN
  INSERT OR IGNORE INTO topic_timeline(tag, published_at, post_id)
    SELECT new.value, p.published_at, p.id FROM posts p
      WHERE p.id = new.post_id AND p.published_at IS NOT NULL;
END;
-- A topic taken out of a post's text (kept while the text still names it elsewhere).
CREATE TRIGGER topic_timeline_ref_delete AFTER DELETE ON text_references
  WHEN old.kind = 'topic' AND old.reply_id IS NULL
BEGIN
  DELETE FROM topic_timeline WHERE post_id = old.post_id AND tag = old.value
    AND NOT EXISTS (SELECT 1 FROM text_references r WHERE r.post_id = old.post_id
                    AND r.kind = 'topic' AND r.reply_id IS NULL AND r.value = old.value);
END;
-- A post published (or its publication time changed, or taken back): its topics follow.
CREATE TRIGGER topic_timeline_post_insert AFTER INSERT ON posts WHEN new.published_at IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO topic_timeline(tag, published_at, post_id)
    SELECT value, new.published_at, new.id FROM text_references
      WHERE post_id = new.id AND kind = 'topic' AND reply_id IS NULL;
END;
CREATE TRIGGER topic_timeline_post_update AFTER UPDATE OF published_at ON posts
  WHEN new.published_at IS NOT old.published_at
BEGIN
  DELETE FROM topic_timeline WHERE post_id = new.id;
  INSERT OR IGNORE INTO topic_timeline(tag, published_at, post_id)
    SELECT value, new.published_at, new.id FROM text_references
      WHERE post_id = new.id AND kind = 'topic' AND reply_id IS NULL
        AND new.published_at IS NOT NULL;
END;
