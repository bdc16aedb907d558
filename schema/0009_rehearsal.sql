-- The rehearsal loop, finished: the leader publishes an approved post now or at a set time,
-- and a published post can be corrected (directly at Run, through review below it).

-- When an approved (or directly publishable) post goes out by itself; NULL = not scheduled.
ALTER TABLE posts ADD COLUMN scheduled_at INTEGER;
CREATE INDEX posts_scheduled ON posts(scheduled_at) WHERE scheduled_at IS NOT NULL;

-- When the published text was last corrected; readers see "edited" and the history.
ALTER TABLE posts ADD COLUMN edited_at INTEGER;

-- A correction of a published post waiting for review: its text is a pending version
-- (post_versions.pending = 1, version = posts.version + 1) while the published one stays up.
ALTER TABLE posts ADD COLUMN correction_state TEXT
  CHECK (correction_state IN ('in_review','changes_requested','approved'));
ALTER TABLE posts ADD COLUMN correction_submitted_at INTEGER;
CREATE INDEX posts_correction_review ON posts(correction_submitted_at, id)
  WHERE correction_state = 'in_review';
ALTER TABLE post_versions ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
