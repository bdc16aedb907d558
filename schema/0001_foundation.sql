-- Foundation: accounts, sessions, coach assignments, posts, replies, likes, audit trail.
-- Times are integer milliseconds since the Unix epoch (UTC).

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('admin','moderator','coach','executive','member')),
  training_level TEXT CHECK (training_level IN ('crawl','walk','run')),
  password_hash  TEXT NOT NULL,
  disabled       INTEGER NOT NULL DEFAULT 0,
  created_at     INTEGER NOT NULL,
  CHECK ((role = 'executive') = (training_level IS NOT NULL))
);

-- The token itself is never stored: only its SHA-256.
CREATE TABLE sessions (
  token_hash  BLOB PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

-- A coach's cohort is the executives assigned to them.
CREATE TABLE coach_assignments (
  coach_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  executive_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (coach_id, executive_id)
) WITHOUT ROWID;
CREATE INDEX coach_assignments_executive ON coach_assignments(executive_id, coach_id);

CREATE TABLE posts (
  id           INTEGER PRIMARY KEY,
  author_id    INTEGER NOT NULL REFERENCES users(id),
  space        TEXT NOT NULL CHECK (space IN ('practice','company')),
  state        TEXT NOT NULL CHECK (state IN ('draft','in_review','changes_requested',
                                              'approved','published','hidden','removed')),
  body         TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  published_at INTEGER,
  reply_count  INTEGER NOT NULL DEFAULT 0,
  like_count   INTEGER NOT NULL DEFAULT 0
);
-- Feed: newest published first per space, keyset on (published_at, id).
CREATE INDEX posts_feed ON posts(space, published_at DESC, id DESC) WHERE state = 'published';
CREATE INDEX posts_author ON posts(author_id, id DESC);

CREATE TABLE replies (
  id         INTEGER PRIMARY KEY,
  post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES users(id),
  body       TEXT NOT NULL,
  state      TEXT NOT NULL DEFAULT 'visible' CHECK (state IN ('visible','hidden','removed')),
  created_at INTEGER NOT NULL
);
CREATE INDEX replies_post ON replies(post_id, id);
CREATE INDEX replies_author ON replies(author_id, created_at);

CREATE TABLE likes (
  post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;

-- Every security-relevant or moderation action, append-only.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor_id    INTEGER REFERENCES users(id),
  action      TEXT NOT NULL,
  target_type TEXT,
  target_id   INTEGER,
  detail      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_target ON audit_log(target_type, target_id);
