-- Drills: rehearsal under pressure. A coach assigns an executive a scenario with a due date
-- and the personas the coach will play; the executive writes a practice post for it; the
-- coach replies there as a persona; the executive practises answering. Drills, persona
-- replies and the executive's answers stay between the executive and their coaches
-- (domain/permissions: can_view_drill, can_view_reply with ReplyFacts::private_to).

CREATE TABLE drills (
  id            INTEGER PRIMARY KEY,
  executive_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  coach_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  scenario      TEXT NOT NULL CHECK (length(scenario) BETWEEN 1 AND 2000),
  due_at        INTEGER NOT NULL,
  post_id       INTEGER UNIQUE REFERENCES posts(id) ON DELETE SET NULL,
  created_at    INTEGER NOT NULL,
  started_at    INTEGER,
  completed_at  INTEGER,
  completed_by  INTEGER REFERENCES users(id)
);
CREATE INDEX drills_executive ON drills(executive_id, id);
CREATE INDEX drills_completed ON drills(executive_id, completed_at);

-- The personas the coach plays in one drill, in the order given.
CREATE TABLE drill_personas (
  id           INTEGER PRIMARY KEY,
  drill_id     INTEGER NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  description  TEXT NOT NULL CHECK (length(description) <= 400)
);
CREATE INDEX drill_personas_drill ON drill_personas(drill_id, id);

-- A reply in a drill: `private_to` is the drill's executive (the reply is seen only by them,
-- its author and the executive's coaches, never counted or announced as public); `persona_id`
-- is set on a coach's simulated reply.
ALTER TABLE replies ADD COLUMN private_to INTEGER REFERENCES users(id);
ALTER TABLE replies ADD COLUMN persona_id INTEGER REFERENCES drill_personas(id);
