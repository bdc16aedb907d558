-- Blog questions, second part (issue 12): questions in search, and the temperature view.
--
-- search_index gains kind 'question' (code 3, reserved in 0014): one row per question holding
-- the question's text and, once answered, the answer's current text after it. Who may find it
-- is never stored here: search reads the live question row (only answered questions are
-- searched) and domain::can_view_question decides, so a moderation action needs no index
-- change. The asker is not indexed.
INSERT INTO search_index(rowid, body, kind, item_id)
  SELECT q.id * 16 + 3, q.body || COALESCE(char(10) || char(10) || a.body, ''), 'question', q.id
  FROM questions q LEFT JOIN answers a ON a.question_id = q.id;

-- The triggers record each change in search_queue (created by 0021, which every database
-- that runs these triggers has: SQLite resolves a trigger's tables when it fires), and
-- store::Transaction::commit moves the queue into search_index before COMMIT, as for posts
-- and replies. One row per question (rowid id * 16 + 3): the question, then the answer.
CREATE TRIGGER questions_search_insert AFTER INSERT ON questions BEGIN
  INSERT INTO search_queue(id, body, kind, item_id, fresh)
    VALUES (new.id * 16 + 3, new.body, 'question', new.id, 1)
    ON CONFLICT(id) DO UPDATE SET body = excluded.body;
END;
CREATE TRIGGER questions_search_update AFTER UPDATE OF body ON questions BEGIN
  INSERT INTO search_queue(id, body, kind, item_id, fresh)
    VALUES (new.id * 16 + 3,
            new.body || COALESCE((SELECT char(10) || char(10) || a.body FROM answers a
                                  WHERE a.question_id = new.id), ''),
            'question', new.id, 0)
    ON CONFLICT(id) DO UPDATE SET body = excluded.body;
END;
CREATE TRIGGER questions_search_delete AFTER DELETE ON questions BEGIN
  INSERT INTO search_queue(id, body, kind, item_id, fresh)
    VALUES (old.id * 16 + 3, NULL, 'question', old.id, 0)
    ON CONFLICT(id) DO UPDATE SET body = NULL;
END;
CREATE TRIGGER answers_search_insert AFTER INSERT ON answers BEGIN
  INSERT INTO search_queue(id, body, kind, item_id, fresh)
    VALUES (new.question_id * 16 + 3,
            (SELECT q.body FROM questions q WHERE q.id = new.question_id)
              || char(10) || char(10) || new.body,
            'question', new.question_id, 0)
    ON CONFLICT(id) DO UPDATE SET body = excluded.body;
END;
CREATE TRIGGER answers_search_update AFTER UPDATE OF body ON answers BEGIN
  INSERT INTO search_queue(id, body, kind, item_id, fresh)
    VALUES (new.question_id * 16 + 3,
            (SELECT q.body FROM questions q WHERE q.id = new.question_id)
              || char(10) || char(10) || new.body,
            'question', new.question_id, 0)
    ON CONFLICT(id) DO UPDATE SET body = excluded.body;
END;

-- The temperature view counts a blog's questions by the week they went out, and their votes
-- by the week they were cast: range walks over these indexes.
CREATE INDEX questions_blog_asked ON questions(blog_id, asked_at) WHERE asked_at IS NOT NULL;
CREATE INDEX question_votes_time ON question_votes(question_id, created_at);

-- The answer's rendered HTML (domain::render_markdown of body), stored when the answer is
-- written so that a blog page does not render Markdown for every reader; NULL for answers
-- written before this migration (rendered on read).
ALTER TABLE answers ADD COLUMN html TEXT;
