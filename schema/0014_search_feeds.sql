-- Search, private Atom feeds (issue 14).
--
-- search_index: one FTS5 row per searchable text. Only the text is indexed; who may see an
-- item is never stored here: the store reads the live rows (posts, replies) and the one rule
-- in domain/permissions decides, so a state change, a move or a moderation action needs no
-- index update. The rowid encodes the item: item_id * 16 + kind code (0 post, 1 reply;
-- 2 article and 3 question are reserved for the blog, later kinds take the next codes), so
-- an update finds its row by primary key. Triggers keep the index in the same transaction as
-- every write of a text.
CREATE VIRTUAL TABLE search_index USING fts5(
  body,
  kind UNINDEXED,
  item_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO search_index(rowid, body, kind, item_id) SELECT id * 16, body, 'post', id FROM posts;
INSERT INTO search_index(rowid, body, kind, item_id)
  SELECT id * 16 + 1, body, 'reply', id FROM replies;

CREATE TRIGGER posts_search_insert AFTER INSERT ON posts BEGIN
  INSERT INTO search_index(rowid, body, kind, item_id) VALUES (new.id * 16, new.body, 'post', new.id);
END;
CREATE TRIGGER posts_search_update AFTER UPDATE OF body ON posts BEGIN
  UPDATE search_index SET body = new.body WHERE rowid = new.id * 16;
END;
CREATE TRIGGER posts_search_delete AFTER DELETE ON posts BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 16;
END;
CREATE TRIGGER replies_search_insert AFTER INSERT ON replies BEGIN
  INSERT INTO search_index(rowid, body, kind, item_id)
    VALUES (new.id * 16 + 1, new.body, 'reply', new.id);
END;
CREATE TRIGGER replies_search_update AFTER UPDATE OF body ON replies BEGIN
  UPDATE search_index SET body = new.body WHERE rowid = new.id * 16 + 1;
END;
CREATE TRIGGER replies_search_delete AFTER DELETE ON replies BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 16 + 1;
END;

-- Private feed tokens: one per user. The token is HMAC-SHA256(server feed key, user id and
-- generation); only its SHA-256 is stored, so a copy of the database yields no usable token.
-- Rotating bumps the generation (the old token stops matching).
CREATE TABLE feed_tokens (
  user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash BLOB NOT NULL UNIQUE,
  generation INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
