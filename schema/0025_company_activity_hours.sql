-- Company activity per hour (issue 15: the joining effect on a big history).
--
-- The joining effect counts, over any [from, to) in milliseconds, what is public in the
-- company space: published company posts (at published_at), public replies on them (visible
-- and not held for review, at created_at) and likes on them (at created_at). Walking a
-- million rows per request took two seconds, so these triggers keep the same counts per hour
-- (hour = ms / 3,600,000) in the transaction of every change: store/analytics_repository
-- adds the whole hours inside a range and walks only the partial hours at its two ends.
--
-- A post's replies and likes count only while the post itself counts: when a post is hidden,
-- removed or restored, its replies and likes leave or return with it. Greenroom never deletes
-- a post or reply row (remove keeps it for the audit trail); likes are deleted on unlike.
CREATE TABLE company_activity_hours (
  hour    INTEGER PRIMARY KEY,
  posts   INTEGER NOT NULL DEFAULT 0,
  replies INTEGER NOT NULL DEFAULT 0,
  likes   INTEGER NOT NULL DEFAULT 0
);

INSERT INTO company_activity_hours(hour, posts)
  SELECT published_at / 3600000, COUNT(*) FROM posts
  WHERE space = 'company' AND state = 'published' AND published_at IS NOT NULL
  GROUP BY 1;
INSERT INTO company_activity_hours(hour, replies)
  SELECT r.created_at / 3600000, COUNT(*) FROM replies r JOIN posts p ON p.id = r.post_id
  WHERE r.state = 'visible' AND r.review_state IN ('none', 'approved')
    AND p.space = 'company' AND p.state = 'published'
  GROUP BY 1
  ON CONFLICT(hour) DO UPDATE SET replies = replies + excluded.replies;
INSERT INTO company_activity_hours(hour, likes)
  SELECT l.created_at / 3600000, COUNT(*) FROM likes l JOIN posts p ON p.id = l.post_id
  WHERE p.space = 'company' AND p.state = 'published'
  GROUP BY 1
  ON CONFLICT(hour) DO UPDATE SET likes = likes + excluded.likes;

CREATE TRIGGER company_hours_post_insert AFTER INSERT ON posts
  WHEN new.space = 'company' AND new.state = 'published' AND new.published_at IS NOT NULL
BEGIN
  INSERT INTO company_activity_hours(hour, posts) VALUES (new.published_at / 3600000, 1)
    ON CONFLICT(hour) DO UPDATE SET posts = posts + 1;
END;

-- Whether the post counts before and after: its own hour moves with published_at; its
-- replies and likes move only when it starts or stops counting.
CREATE TRIGGER company_hours_post_update AFTER UPDATE OF state, space, published_at ON posts
  WHEN (old.space = 'company' AND old.state = 'published' AND old.published_at IS NOT NULL)
    OR (new.space = 'company' AND new.state = 'published' AND new.published_at IS NOT NULL)
BEGIN
  INSERT INTO company_activity_hours(hour, posts)
    SELECT old.published_at / 3600000, -1
    WHERE old.space = 'company' AND old.state = 'published' AND old.published_at IS NOT NULL
    ON CONFLICT(hour) DO UPDATE SET posts = posts - 1;
  INSERT INTO company_activity_hours(hour, posts)
    SELECT new.published_at / 3600000, 1
    WHERE new.space = 'company' AND new.state = 'published' AND new.published_at IS NOT NULL
    ON CONFLICT(hour) DO UPDATE SET posts = posts + 1;
  INSERT INTO company_activity_hours(hour, replies)
    SELECT r.created_at / 3600000,
           COUNT(*) * (CASE WHEN new.space = 'company' AND new.state = 'published'
                            THEN 1 ELSE -1 END)
    FROM replies r
    WHERE r.post_id = new.id AND r.state = 'visible' AND r.review_state IN ('none', 'approved')
      AND (old.space = 'company' AND old.state = 'published' AND old.published_at IS NOT NULL)
       <> (new.space = 'company' AND new.state = 'published' AND new.published_at IS NOT NULL)
    GROUP BY 1
    ON CONFLICT(hour) DO UPDATE SET replies = replies + excluded.replies;
  INSERT INTO company_activity_hours(hour, likes)
    SELECT l.created_at / 3600000,
           COUNT(*) * (CASE WHEN new.space = 'company' AND new.state = 'published'
                            THEN 1 ELSE -1 END)
    FROM likes l
    WHERE l.post_id = new.id
      AND (old.space = 'company' AND old.state = 'published' AND old.published_at IS NOT NULL)
       <> (new.space = 'company' AND new.state = 'published' AND new.published_at IS NOT NULL)
    GROUP BY 1
    ON CONFLICT(hour) DO UPDATE SET likes = likes + excluded.likes;
END;

CREATE TRIGGER company_hours_reply_insert AFTER INSERT ON replies
  WHEN new.state = 'visible' AND new.review_state IN ('none', 'approved')
BEGIN
  INSERT INTO company_activity_hours(hour, replies)
    SELECT new.created_at / 3600000, 1 FROM posts p
    WHERE p.id = new.post_id AND p.space = 'company' AND p.state = 'published'
    ON CONFLICT(hour) DO UPDATE SET replies = replies + 1;
END;

CREATE TRIGGER company_hours_reply_update AFTER UPDATE OF state, review_state ON replies
  WHEN (old.state = 'visible' AND old.review_state IN ('none', 'approved'))
    <> (new.state = 'visible' AND new.review_state IN ('none', 'approved'))
BEGIN
  INSERT INTO company_activity_hours(hour, replies)
    SELECT new.created_at / 3600000,
           CASE WHEN new.state = 'visible' AND new.review_state IN ('none', 'approved')
                THEN 1 ELSE -1 END
    FROM posts p
    WHERE p.id = new.post_id AND p.space = 'company' AND p.state = 'published'
    ON CONFLICT(hour) DO UPDATE SET replies = replies + excluded.replies;
END;

CREATE TRIGGER company_hours_like_insert AFTER INSERT ON likes
BEGIN
  INSERT INTO company_activity_hours(hour, likes)
    SELECT new.created_at / 3600000, 1 FROM posts p
    WHERE p.id = new.post_id AND p.space = 'company' AND p.state = 'published'
    ON CONFLICT(hour) DO UPDATE SET likes = likes + 1;
END;

CREATE TRIGGER company_hours_like_delete AFTER DELETE ON likes
BEGIN
  INSERT INTO company_activity_hours(hour, likes)
    SELECT old.created_at / 3600000, -1 FROM posts p
    WHERE p.id = old.post_id AND p.space = 'company' AND p.state = 'published'
    ON CONFLICT(hour) DO UPDATE SET likes = likes - 1;
END;
