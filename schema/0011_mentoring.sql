-- Reverse mentoring: digital champions (staff who know social media) paired with executives.

-- A staff member (role member) marked as a digital champion, with a short line on what they know.
CREATE TABLE champions (
  user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  about      TEXT NOT NULL,
  marked_by  INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);

-- An executive and their reverse mentor. requested -> active | declined; requested/active -> ended.
CREATE TABLE mentorships (
  id           INTEGER PRIMARY KEY,
  executive_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  mentor_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  state        TEXT NOT NULL CHECK (state IN ('requested','active','declined','ended')),
  requested_by INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  ended_by     INTEGER REFERENCES users(id)
);
-- At most one open pairing per executive and mentor.
CREATE UNIQUE INDEX mentorships_open ON mentorships(executive_id, mentor_id)
  WHERE state IN ('requested','active');
CREATE INDEX mentorships_mentor ON mentorships(mentor_id, state);
CREATE INDEX mentorships_executive ON mentorships(executive_id, state);

-- The author's "show my mentor" switch on a draft (or any post not yet published).
ALTER TABLE posts ADD COLUMN share_with_mentor INTEGER NOT NULL DEFAULT 0;

-- Whose note an annotation is: the author's coach, or the author's reverse mentor.
ALTER TABLE annotations ADD COLUMN author_role TEXT NOT NULL DEFAULT 'coach'
  CHECK (author_role IN ('coach','mentor'));

-- The executive's private questions to their mentor on a post (and the mentor's answers).
-- One thread per post and mentor; visible to the executive and that mentor only.
CREATE TABLE mentor_messages (
  id         INTEGER PRIMARY KEY,
  post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  mentor_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES users(id),
  body       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX mentor_messages_thread ON mentor_messages(post_id, mentor_id, id);
