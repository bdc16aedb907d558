-- Mentions and topics as the server recognised them when a text was saved (domain::
-- find_references), with their code-point offsets: one row per reference in a post (reply_id
-- NULL) or a reply. `user_id` is the mentioned person when the name is a username. The topic
-- index serves topic listings; the user index "where was I mentioned".
CREATE TABLE text_references (
  id        INTEGER PRIMARY KEY,
  post_id   INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  reply_id  INTEGER REFERENCES replies(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('mention', 'topic')),
  value     TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
  user_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  start_cp  INTEGER NOT NULL CHECK (start_cp >= 0),
  end_cp    INTEGER NOT NULL CHECK (end_cp > start_cp)
);
CREATE INDEX text_references_item ON text_references(post_id, reply_id);
CREATE INDEX text_references_topic ON text_references(value, post_id) WHERE kind = 'topic';
CREATE INDEX text_references_user ON text_references(user_id, post_id) WHERE user_id IS NOT NULL;
