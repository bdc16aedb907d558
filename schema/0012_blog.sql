-- The CEO's Q&A blog: a blog per host (enabled by an admin), long-form Markdown articles that
-- are posts (same versions, reviews, annotations, replies and likes) tied to a blog, and staff
-- questions with votes, answers (with their history) and declines.

CREATE TABLE blogs (
  id           INTEGER PRIMARY KEY,
  host_id      INTEGER NOT NULL UNIQUE REFERENCES users(id),
  title        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  promise_days INTEGER NOT NULL CHECK (promise_days BETWEEN 1 AND 365),
  premoderated INTEGER NOT NULL DEFAULT 0 CHECK (premoderated IN (0, 1)),
  created_at   INTEGER NOT NULL
);

-- An article is a company post of the blog's host written in Markdown.
ALTER TABLE posts ADD COLUMN blog_id INTEGER REFERENCES blogs(id);
CREATE INDEX posts_blog ON posts(blog_id, id DESC) WHERE blog_id IS NOT NULL;

-- The asker is always stored (moderators and admins can reveal an anonymous one, with a
-- reason, audited); the API never shows it for an anonymous question.
CREATE TABLE questions (
  id                INTEGER PRIMARY KEY,
  blog_id           INTEGER NOT NULL REFERENCES blogs(id) ON DELETE CASCADE,
  asker_id          INTEGER NOT NULL REFERENCES users(id),
  anonymous         INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  topic             TEXT,
  body              TEXT NOT NULL,
  state             TEXT NOT NULL CHECK (state IN ('pending','open','answered','declined',
                                                   'hidden','removed')),
  vote_count        INTEGER NOT NULL DEFAULT 0,
  decline_reason    TEXT,
  moderation_reason TEXT,
  created_at        INTEGER NOT NULL,
  asked_at          INTEGER,  -- when it went out (after pre-moderation, if any); the clock
  closed_at         INTEGER   -- answered or declined
);
CREATE INDEX questions_blog_votes ON questions(blog_id, vote_count DESC, id DESC);
CREATE INDEX questions_blog_new ON questions(blog_id, id DESC);
CREATE INDEX questions_pending ON questions(id) WHERE state = 'pending';

CREATE TABLE question_votes (
  question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (question_id, user_id)
) WITHOUT ROWID;

-- The host's answer (current text) and every version of it.
CREATE TABLE answers (
  question_id INTEGER PRIMARY KEY REFERENCES questions(id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE TABLE answer_versions (
  question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  body        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (question_id, version)
) WITHOUT ROWID;
