-- Coaching workflow: versions, annotations, reviews, policy versions, goals, notifications.

ALTER TABLE posts ADD COLUMN submitted_at INTEGER;
CREATE INDEX posts_in_review ON posts(submitted_at, id) WHERE state = 'in_review';

-- Every version of a post's text; the post row holds the current one.
CREATE TABLE post_versions (
  post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  version    INTEGER NOT NULL,
  body       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (post_id, version)
) WITHOUT ROWID;
INSERT INTO post_versions(post_id, version, body, created_at)
  SELECT id, version, body, updated_at FROM posts;

-- A coach's note on a range of the text. The anchor columns hold where the words are in
-- the current version (code points); the orig_* columns where they were when annotated.
CREATE TABLE annotations (
  id           INTEGER PRIMARY KEY,
  post_id      INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  coach_id     INTEGER NOT NULL REFERENCES users(id),
  category     TEXT NOT NULL CHECK (category IN ('praise','tone','clarity','policy','risk')),
  comment      TEXT NOT NULL,
  suggestion   TEXT,
  exact        TEXT NOT NULL,
  prefix       TEXT NOT NULL,
  suffix       TEXT NOT NULL,
  start_cp     INTEGER NOT NULL,
  end_cp       INTEGER NOT NULL,
  orig_start   INTEGER NOT NULL,
  orig_end     INTEGER NOT NULL,
  orphaned     INTEGER NOT NULL DEFAULT 0,
  resolved_at  INTEGER,
  resolved_by  INTEGER REFERENCES users(id),
  applied      INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL
);
CREATE INDEX annotations_post ON annotations(post_id, start_cp);

CREATE TABLE annotation_replies (
  id            INTEGER PRIMARY KEY,
  annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
  author_id     INTEGER NOT NULL REFERENCES users(id),
  body          TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE INDEX annotation_replies_annotation ON annotation_replies(annotation_id, id);

CREATE TABLE reviews (
  id           INTEGER PRIMARY KEY,
  post_id      INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  coach_id     INTEGER NOT NULL REFERENCES users(id),
  verdict      TEXT NOT NULL CHECK (verdict IN ('approve','changes_requested')),
  comment      TEXT NOT NULL DEFAULT '',
  clarity      INTEGER NOT NULL CHECK (clarity BETWEEN 1 AND 5),
  tone         INTEGER NOT NULL CHECK (tone BETWEEN 1 AND 5),
  audience_fit INTEGER NOT NULL CHECK (audience_fit BETWEEN 1 AND 5),
  policy       INTEGER NOT NULL CHECK (policy BETWEEN 1 AND 5),
  created_at   INTEGER NOT NULL
);
CREATE INDEX reviews_post ON reviews(post_id, id);

-- The golden rules; every saved version is kept, the highest is in force.
CREATE TABLE policies (
  version    INTEGER PRIMARY KEY,
  document   TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users(id)
);

CREATE TABLE goals (
  id                   INTEGER PRIMARY KEY,
  executive_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  coach_id             INTEGER NOT NULL REFERENCES users(id),
  title                TEXT NOT NULL,
  metric               TEXT NOT NULL CHECK (metric IN ('company_posts','practice_posts',
                                                       'replies','likes_received')),
  target               INTEGER NOT NULL CHECK (target BETWEEN 1 AND 1000),
  term                 TEXT NOT NULL CHECK (term IN ('short','mid','long')),
  created_at           INTEGER NOT NULL,
  due_at               INTEGER NOT NULL,
  reminded_at          INTEGER
);
CREATE INDEX goals_executive ON goals(executive_id, due_at);
CREATE INDEX goals_due ON goals(due_at) WHERE reminded_at IS NULL;

CREATE TABLE notifications (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('submission_waiting','verdict_given',
                  'new_annotation','annotation_reply','goal_due_soon')),
  message       TEXT NOT NULL,
  post_id       INTEGER REFERENCES posts(id) ON DELETE CASCADE,
  annotation_id INTEGER REFERENCES annotations(id) ON DELETE CASCADE,
  goal_id       INTEGER REFERENCES goals(id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  read_at       INTEGER
);
CREATE INDEX notifications_user ON notifications(user_id, id DESC);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;

-- Activity indexes for goal progress.
CREATE INDEX posts_author_published ON posts(author_id, space, published_at) WHERE state = 'published';
