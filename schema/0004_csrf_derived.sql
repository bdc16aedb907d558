-- CSRF tokens are no longer stored: each is derived from its session token (HMAC-SHA256
-- under a fixed label), which the database never holds either (only its SHA-256). A copy of
-- the database therefore yields neither a usable session nor a CSRF token.
ALTER TABLE sessions DROP COLUMN csrf_token;
