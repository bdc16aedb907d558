-- Sessions a person can see and end, re-authentication, and TOTP second factor.
-- Each session gets an opaque public id (never the token or its hash), what it was opened
-- with (user agent, address), when it was last used (updated at most once a minute) and
-- when its owner last proved who they are (password or TOTP: sign-in or re-authentication).
ALTER TABLE sessions ADD COLUMN public_id TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN client_ip TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN auth_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET public_id = lower(hex(randomblob(16))), last_seen_at = created_at,
                    auth_at = created_at;
CREATE UNIQUE INDEX sessions_public_id ON sessions(public_id);

-- One TOTP secret per user (RFC 6238). `enabled` is 0 while enrolment awaits its first code.
-- `last_step` is the latest time step accepted: no step at or before it is accepted again.
CREATE TABLE user_totp (
  user_id     INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  secret      TEXT NOT NULL,
  enabled     INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  last_step   INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  enabled_at  INTEGER
);

-- One-time recovery codes: only the SHA-256 (hex) of each is kept.
CREATE TABLE totp_recovery_codes (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash  TEXT NOT NULL,
  used_at    INTEGER,
  PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;
