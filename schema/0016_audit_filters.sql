-- The audit screen filters by actor and by action; without an index each page of a filtered
-- listing scanned the whole trail (a million entries) backwards. Both indexes end in id, so a
-- filtered page is an index range walked newest first.
CREATE INDEX audit_log_actor ON audit_log(actor_id, id);
CREATE INDEX audit_log_action ON audit_log(action, id);
