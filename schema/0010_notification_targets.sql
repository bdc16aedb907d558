-- Notifications for everything that is not a post, annotation or goal (questions, articles,
-- mentorships, people, policy versions): a generic (target_type, target_id) pair, and no fixed
-- list of kinds in a CHECK constraint any more (each later feature would have had to rebuild
-- the table again). The kind is validated by the server (api::notify) and stays a short
-- snake_case word here. Same columns, same ids, every row kept, same indexes.
CREATE TABLE notifications_new (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40 AND kind NOT GLOB '*[^a-z_]*'),
  message       TEXT NOT NULL,
  post_id       INTEGER REFERENCES posts(id) ON DELETE CASCADE,
  annotation_id INTEGER REFERENCES annotations(id) ON DELETE CASCADE,
  goal_id       INTEGER REFERENCES goals(id) ON DELETE CASCADE,
  target_type   TEXT CHECK (target_type IS NULL OR (length(target_type) BETWEEN 1 AND 40
                                                    AND target_type NOT GLOB '*[^a-z_]*')),
  target_id     INTEGER,
  created_at    INTEGER NOT NULL,
  read_at       INTEGER,
  CHECK ((target_type IS NULL) = (target_id IS NULL))
);
INSERT INTO notifications_new(id, user_id, kind, message, post_id, annotation_id, goal_id,
                              created_at, read_at)
  SELECT id, user_id, kind, message, post_id, annotation_id, goal_id, created_at, read_at
  FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user ON notifications(user_id, id DESC);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
