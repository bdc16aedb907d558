-- No way around review. A move to another space is a change: a new version, kept with the
-- space the post had then. Replies are reviewed like posts where the author's level needs it:
-- review_state is the reply's place in the review (apart from moderation's `state`), and
-- annotations and reviews can target a reply (reply_id set; post_id is the post it answers).

ALTER TABLE post_versions ADD COLUMN space TEXT CHECK (space IN ('practice','company'));
UPDATE post_versions SET space = (SELECT p.space FROM posts p WHERE p.id = post_versions.post_id);

-- 'none': never needed review; 'in_review' / 'changes_requested': held, seen only by the
-- author and the author's coaches; 'approved': a coach approved it and it is out.
ALTER TABLE replies ADD COLUMN review_state TEXT NOT NULL DEFAULT 'none'
  CHECK (review_state IN ('none','in_review','changes_requested','approved'));
ALTER TABLE replies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE replies ADD COLUMN submitted_at INTEGER;
CREATE INDEX replies_in_review ON replies(submitted_at, id) WHERE review_state = 'in_review';

ALTER TABLE annotations ADD COLUMN reply_id INTEGER REFERENCES replies(id) ON DELETE CASCADE;
CREATE INDEX annotations_reply ON annotations(reply_id, start_cp) WHERE reply_id IS NOT NULL;
ALTER TABLE reviews ADD COLUMN reply_id INTEGER REFERENCES replies(id) ON DELETE CASCADE;
CREATE INDEX reviews_reply ON reviews(reply_id, id) WHERE reply_id IS NOT NULL;
