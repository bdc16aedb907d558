-- Coaching evidence: what the golden rules found each time an author saved, submitted or
-- published a post (lint calls while typing are not kept), the coach's decisions on level
-- suggestions, and goals that can measure more than the four first metrics.

-- One row per save, submission or publication of a post by its author, in the same job.
-- `submission` is 1 when the author handed the version over: to the coaches (submit, or an
-- edit that sends an approved post back to review) or to readers without a review (publishing
-- a post no coach approved). `errors`/`warnings`/`infos` count the version's findings then.
CREATE TABLE coaching_events (
  id             INTEGER PRIMARY KEY,
  post_id        INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,
  event          TEXT NOT NULL CHECK (event IN ('save', 'submit', 'publish')),
  submission     INTEGER NOT NULL CHECK (submission IN (0, 1)),
  errors         INTEGER NOT NULL,
  warnings       INTEGER NOT NULL,
  infos          INTEGER NOT NULL,
  policy_version INTEGER NOT NULL,
  created_at     INTEGER NOT NULL
);
CREATE INDEX coaching_events_author ON coaching_events(author_id, id);
CREATE INDEX coaching_events_post ON coaching_events(post_id, id);

-- The findings of each version of a post, kept once per version (the first time the version
-- is saved). `exact` is the offending text (at most 200 code points). `fixed` is NULL until
-- the post has a next version, then 1 when that version no longer has the finding (same rule,
-- same words) and 0 when it does.
CREATE TABLE lint_findings (
  id             INTEGER PRIMARY KEY,
  post_id        INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,
  rule           TEXT NOT NULL,
  severity       TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  exact          TEXT NOT NULL,
  policy_version INTEGER NOT NULL,
  fixed          INTEGER CHECK (fixed IN (0, 1)),
  created_at     INTEGER NOT NULL
);
CREATE INDEX lint_findings_author ON lint_findings(author_id, created_at);
CREATE INDEX lint_findings_post ON lint_findings(post_id, version);

-- A coach's answer to a level suggestion ("Suggest Walk for Evan"). A dismissed suggestion is
-- not made again until there is new evidence: a coaching event or a verdict newer than the
-- ones it was made on (`last_event_id`, `last_review_id`).
CREATE TABLE level_suggestion_decisions (
  id             INTEGER PRIMARY KEY,
  executive_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  coach_id       INTEGER NOT NULL REFERENCES users(id),
  from_level     TEXT NOT NULL CHECK (from_level IN ('crawl', 'walk', 'run')),
  to_level       TEXT NOT NULL CHECK (to_level IN ('crawl', 'walk', 'run')),
  decision       TEXT NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
  last_event_id  INTEGER NOT NULL,
  last_review_id INTEGER NOT NULL,
  created_at     INTEGER NOT NULL
);
CREATE INDEX level_suggestion_decisions_executive
  ON level_suggestion_decisions(executive_id, id DESC);

-- Goals: the metric is checked by the server (domain/goals.hpp) and stays a short snake_case
-- word here, so later metrics need no rebuild. Same columns, same ids, every row kept. A goal
-- notification's link survives: it is set aside while the old table goes (dropping it would
-- otherwise delete the notices through ON DELETE CASCADE) and put back after.
CREATE TABLE goals_new (
  id                   INTEGER PRIMARY KEY,
  executive_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  coach_id             INTEGER NOT NULL REFERENCES users(id),
  title                TEXT NOT NULL,
  metric               TEXT NOT NULL CHECK (length(metric) BETWEEN 1 AND 40
                                            AND metric NOT GLOB '*[^a-z0-9_]*'),
  target               INTEGER NOT NULL CHECK (target BETWEEN 1 AND 1000),
  term                 TEXT NOT NULL CHECK (term IN ('short','mid','long')),
  created_at           INTEGER NOT NULL,
  due_at               INTEGER NOT NULL,
  reminded_at          INTEGER
);
INSERT INTO goals_new(id, executive_id, coach_id, title, metric, target, term, created_at, due_at,
                      reminded_at)
  SELECT id, executive_id, coach_id, title, metric, target, term, created_at, due_at, reminded_at
  FROM goals;
CREATE TEMP TABLE goal_notices AS
  SELECT id, goal_id FROM notifications WHERE goal_id IS NOT NULL;
UPDATE notifications SET goal_id = NULL WHERE goal_id IS NOT NULL;
DROP TABLE goals;
ALTER TABLE goals_new RENAME TO goals;
UPDATE notifications
  SET goal_id = (SELECT g.goal_id FROM goal_notices g WHERE g.id = notifications.id)
  WHERE id IN (SELECT id FROM goal_notices);
DROP TABLE goal_notices;
CREATE INDEX goals_executive ON goals(executive_id, due_at);
CREATE INDEX goals_due ON goals(due_at) WHERE reminded_at IS NULL;
