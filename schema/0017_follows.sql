-- Follows (issue 13): people, topics and blogs; the Following feed; notification opt-outs.
--
-- One table per kind of thing followed, each keyed by the follower first (what do I follow)
-- with an index from the other side (who follows this: counts, notices).
CREATE TABLE user_follows (
  follower_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  followee_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id)
) WITHOUT ROWID;
CREATE INDEX user_follows_followee ON user_follows(followee_id, follower_id);

-- `tag` as domain::find_references stores a topic: lower-case, without '#'.
CREATE TABLE topic_follows (
  follower_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  tag         TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64),
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (follower_id, tag)
) WITHOUT ROWID;
CREATE INDEX topic_follows_tag ON topic_follows(tag, follower_id);

CREATE TABLE blog_follows (
  follower_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  blog_id     INTEGER NOT NULL REFERENCES blogs(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (follower_id, blog_id)
) WITHOUT ROWID;
CREATE INDEX blog_follows_blog ON blog_follows(blog_id, follower_id);

-- The Following feed, kept ahead of reads (fan-out on write): one row per (follower, post)
-- for every post that has been published (published_at set) and that the follower follows by
-- its author, its blog or one of its topics (text_references of the post itself, not of its
-- replies). Who may SEE a row is never decided here: the read joins the live post (state,
-- space) and applies the one rule's practice reach, so a post hidden, removed or moved stays
-- out without touching this table. The rows are a pure function of the follows and the posts;
-- the triggers below keep them so in the same transaction as every write of either, whatever
-- code path made it. The read is one range of the primary key, newest first:
-- (user_id, published_at DESC, post_id DESC), the same keyset as the company feed.
CREATE TABLE following_timeline (
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  published_at INTEGER NOT NULL,
  post_id      INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, published_at DESC, post_id DESC)
) WITHOUT ROWID;
CREATE INDEX following_timeline_post ON following_timeline(post_id, user_id);

-- A person's published posts, newest first (profile pages).
CREATE INDEX posts_author_timeline ON posts(author_id, published_at DESC, id DESC)
  WHERE state = 'published';

-- A post enters the timelines of its author's, its blog's and its topics' followers when it is
-- published (or when its blog is set on a published post).
CREATE TRIGGER following_post_insert AFTER INSERT ON posts WHEN new.published_at IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO following_timeline(user_id, published_at, post_id)
    SELECT follower_id, new.published_at, new.id FROM user_follows
      WHERE followee_id = new.author_id
    UNION SELECT follower_id, new.published_at, new.id FROM blog_follows
      WHERE blog_id = new.blog_id
    UNION SELECT t.follower_id, new.published_at, new.id FROM text_references r
      JOIN topic_follows t ON t.tag = r.value
      WHERE r.post_id = new.id AND r.kind = 'topic' AND r.reply_id IS NULL;
END;
CREATE TRIGGER following_post_update AFTER UPDATE OF published_at, blog_id, author_id ON posts
  WHEN new.published_at IS NOT NULL
BEGIN
  DELETE FROM following_timeline WHERE post_id = new.id
    AND (published_at <> new.published_at OR new.author_id <> old.author_id
         OR new.blog_id IS NOT old.blog_id);
  INSERT OR IGNORE INTO following_timeline(user_id, published_at, post_id)
    SELECT follower_id, new.published_at, new.id FROM user_follows
      WHERE followee_id = new.author_id
    UNION SELECT follower_id, new.published_at, new.id FROM blog_follows
      WHERE blog_id = new.blog_id
    UNION SELECT t.follower_id, new.published_at, new.id FROM text_references r
      JOIN topic_follows t ON t.tag = r.value
      WHERE r.post_id = new.id AND r.kind = 'topic' AND r.reply_id IS NULL;
END;

-- A topic of a published post (saved after the post, or again when its text changes).
CREATE TRIGGER following_topic_insert AFTER INSERT ON text_references
  WHEN new.kind = 'topic' AND new.reply_id IS NULL
BEGIN
  INSERT OR IGNORE INTO following_timeline(user_id, published_at, post_id)
    SELECT t.follower_id, p.published_at, p.id FROM topic_follows t
      JOIN posts p ON p.id = new.post_id AND p.published_at IS NOT NULL
      WHERE t.tag = new.value;
END;
CREATE TRIGGER following_topic_delete AFTER DELETE ON text_references
  WHEN old.kind = 'topic' AND old.reply_id IS NULL
BEGIN
  DELETE FROM following_timeline WHERE post_id = old.post_id
    AND user_id IN (SELECT follower_id FROM topic_follows WHERE tag = old.value)
    AND NOT EXISTS (SELECT 1 FROM posts p JOIN user_follows f ON f.followee_id = p.author_id
                    WHERE p.id = old.post_id AND f.follower_id = following_timeline.user_id)
    AND NOT EXISTS (SELECT 1 FROM posts p JOIN blog_follows b ON b.blog_id = p.blog_id
                    WHERE p.id = old.post_id AND b.follower_id = following_timeline.user_id)
    AND NOT EXISTS (SELECT 1 FROM text_references r JOIN topic_follows t ON t.tag = r.value
                    WHERE r.post_id = old.post_id AND r.kind = 'topic' AND r.reply_id IS NULL
                      AND t.follower_id = following_timeline.user_id);
END;

-- Following something brings its published posts into the follower's timeline; unfollowing
-- takes out those no other follow still brings.
CREATE TRIGGER following_user_follow AFTER INSERT ON user_follows BEGIN
  INSERT OR IGNORE INTO following_timeline(user_id, published_at, post_id)
    SELECT new.follower_id, published_at, id FROM posts
      WHERE author_id = new.followee_id AND published_at IS NOT NULL;
END;
CREATE TRIGGER following_blog_follow AFTER INSERT ON blog_follows BEGIN
  INSERT OR IGNORE INTO following_timeline(user_id, published_at, post_id)
    SELECT new.follower_id, published_at, id FROM posts
      WHERE blog_id = new.blog_id AND published_at IS NOT NULL;
END;
CREATE TRIGGER following_topic_follow AFTER INSERT ON topic_follows BEGIN
  INSERT OR IGNORE INTO following_timeline(user_id, published_at, post_id)
    SELECT new.follower_id, p.published_at, p.id FROM text_references r
      JOIN posts p ON p.id = r.post_id AND p.published_at IS NOT NULL
      WHERE r.kind = 'topic' AND r.value = new.tag AND r.reply_id IS NULL;
END;

-- Each unfollow keeps a row that another follow still brings (the same three NOT EXISTS tests
-- in each trigger: SQLite triggers share no functions).
CREATE TRIGGER following_user_unfollow AFTER DELETE ON user_follows BEGIN
  DELETE FROM following_timeline WHERE user_id = old.follower_id
    AND post_id IN (SELECT id FROM posts WHERE author_id = old.followee_id)
    AND NOT EXISTS (SELECT 1 FROM posts p JOIN blog_follows b ON b.blog_id = p.blog_id
                    WHERE p.id = following_timeline.post_id AND b.follower_id = old.follower_id)
    AND NOT EXISTS (SELECT 1 FROM text_references r JOIN topic_follows t ON t.tag = r.value
                    WHERE r.post_id = following_timeline.post_id AND r.kind = 'topic'
                      AND r.reply_id IS NULL AND t.follower_id = old.follower_id);
END;
CREATE TRIGGER following_blog_unfollow AFTER DELETE ON blog_follows BEGIN
  DELETE FROM following_timeline WHERE user_id = old.follower_id
    AND post_id IN (SELECT id FROM posts WHERE blog_id = old.blog_id)
    AND NOT EXISTS (SELECT 1 FROM posts p JOIN user_follows f ON f.followee_id = p.author_id
                    WHERE p.id = following_timeline.post_id AND f.follower_id = old.follower_id)
    AND NOT EXISTS (SELECT 1 FROM text_references r JOIN topic_follows t ON t.tag = r.value
                    WHERE r.post_id = following_timeline.post_id AND r.kind = 'topic'
                      AND r.reply_id IS NULL AND t.follower_id = old.follower_id);
END;
CREATE TRIGGER following_topic_unfollow AFTER DELETE ON topic_follows BEGIN
  DELETE FROM following_timeline WHERE user_id = old.follower_id
    AND post_id IN (SELECT post_id FROM text_references
                    WHERE kind = 'topic' AND value = old.tag AND reply_id IS NULL)
    AND NOT EXISTS (SELECT 1 FROM posts p JOIN user_follows f ON f.followee_id = p.author_id
                    WHERE p.id = following_timeline.post_id AND f.follower_id = old.follower_id)
    AND NOT EXISTS (SELECT 1 FROM posts p JOIN blog_follows b ON b.blog_id = p.blog_id
                    WHERE p.id = following_timeline.post_id AND b.follower_id = old.follower_id)
    AND NOT EXISTS (SELECT 1 FROM text_references r JOIN topic_follows t ON t.tag = r.value
                    WHERE r.post_id = following_timeline.post_id AND r.kind = 'topic'
                      AND r.reply_id IS NULL AND t.follower_id = old.follower_id);
END;

-- Everyday notifications a person turned off, by kind (reply, like, mention, new_follower,
-- new_article: api::kOptionalNotificationKinds). No row: on.
CREATE TABLE notification_opt_outs (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40 AND kind NOT GLOB '*[^a-z_]*'),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;

-- Likes grouped per post in one unread notice: find it by (user, kind, post).
CREATE INDEX notifications_unread_post ON notifications(user_id, kind, post_id)
  WHERE read_at IS NULL;
