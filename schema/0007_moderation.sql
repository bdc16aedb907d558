-- Moderation: reports grouped into cases, moderator actions with reasons, locked threads,
-- new notification kinds, and a tamper-evident (hash-chained, append-only) audit trail.

-- What a moderator decided last about an item, shown to its author and to moderators.
ALTER TABLE posts ADD COLUMN moderation_reason TEXT;
ALTER TABLE posts ADD COLUMN locked_at INTEGER;
ALTER TABLE replies ADD COLUMN moderation_reason TEXT;

-- One case per reported item while it is open; reports of the same item join the open case.
-- A closed case stays for the record; a later report opens a new one.
CREATE TABLE moderation_cases (
  id           INTEGER PRIMARY KEY,
  target_type  TEXT NOT NULL CHECK (target_type IN ('post','reply','question')),
  target_id    INTEGER NOT NULL,
  post_id      INTEGER REFERENCES posts(id) ON DELETE CASCADE,  -- the post, or the one replied to
  state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','actioned','dismissed')),
  report_count INTEGER NOT NULL DEFAULT 0,
  opened_at    INTEGER NOT NULL,
  closed_at    INTEGER
);
CREATE UNIQUE INDEX moderation_cases_open_target ON moderation_cases(target_type, target_id)
  WHERE state = 'open';
-- The queue: oldest open case first, keyset on (opened_at, id).
CREATE INDEX moderation_cases_queue ON moderation_cases(opened_at, id) WHERE state = 'open';

CREATE TABLE reports (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES moderation_cases(id) ON DELETE CASCADE,
  reporter_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  reason      TEXT NOT NULL CHECK (reason IN ('harassment','confidential','personal_data',
                                              'misleading','other')),
  comment     TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  UNIQUE (case_id, reporter_id)
);
CREATE INDEX reports_reporter ON reports(reporter_id, id);

CREATE TABLE moderation_actions (
  id           INTEGER PRIMARY KEY,
  moderator_id INTEGER NOT NULL REFERENCES users(id),
  target_type  TEXT NOT NULL CHECK (target_type IN ('post','reply','question')),
  target_id    INTEGER NOT NULL,
  action       TEXT NOT NULL CHECK (action IN ('hide','remove','restore','lock','unlock',
                                                'dismiss')),
  reason       TEXT NOT NULL,
  case_id      INTEGER REFERENCES moderation_cases(id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX moderation_actions_target ON moderation_actions(target_type, target_id, id);

-- notifications.kind gains the moderation kinds. SQLite cannot alter a CHECK constraint, so
-- the table is rebuilt (same columns, same ids, every row kept, same indexes).
CREATE TABLE notifications_new (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('submission_waiting','verdict_given',
                  'new_annotation','annotation_reply','goal_due_soon',
                  'item_reported','item_reported_often','report_resolved','moderation_action')),
  message       TEXT NOT NULL,
  post_id       INTEGER REFERENCES posts(id) ON DELETE CASCADE,
  annotation_id INTEGER REFERENCES annotations(id) ON DELETE CASCADE,
  goal_id       INTEGER REFERENCES goals(id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  read_at       INTEGER
);
INSERT INTO notifications_new(id, user_id, kind, message, post_id, annotation_id, goal_id,
                              created_at, read_at)
  SELECT id, user_id, kind, message, post_id, annotation_id, goal_id, created_at, read_at
  FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user ON notifications(user_id, id DESC);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;

-- The audit trail becomes a hash chain: each entry stores the SHA-256 (hex) of the previous
-- entry's hash followed by its own content. The old rows are moved into the new table by the
-- migration step in store/audit.cpp (adopt_legacy_audit_log), which computes their hashes in
-- id order and drops audit_log_legacy, in this same transaction.
ALTER TABLE audit_log RENAME TO audit_log_legacy;
DROP INDEX audit_log_target;
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor_id    INTEGER REFERENCES users(id),
  action      TEXT NOT NULL,
  target_type TEXT NOT NULL DEFAULT '',
  target_id   INTEGER,
  reason      TEXT NOT NULL DEFAULT '',
  client      TEXT NOT NULL DEFAULT '',
  detail      TEXT NOT NULL DEFAULT '{}',
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
-- One secondary index only (an item's history): every index is written by every change in
-- the hot write path. Filters on actor, action and time walk the table newest first by id.
CREATE INDEX audit_log_target ON audit_log(target_type, target_id, id);

-- Append-only for real: the server never updates or deletes an entry, and SQLite refuses it.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;
