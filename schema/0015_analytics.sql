-- Engagement analytics count public activity by the time it happened. The joining effect
-- counts the company space's replies and likes in a window of days: these indexes make each
-- count a range walk over that window instead of a scan of every reply and like.
CREATE INDEX replies_public_created ON replies(created_at)
  WHERE state = 'visible' AND review_state IN ('none', 'approved');
CREATE INDEX likes_created ON likes(created_at);
