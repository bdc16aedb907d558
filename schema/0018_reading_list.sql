-- The reading list (issue 14): external RSS 2.0 / Atom feeds a person subscribes to.
--
-- feed_hosts: host names an admin allows (off by default: no row, no fetch). A feed is
-- fetched only while its host is listed here and someone subscribes to it.
CREATE TABLE feed_hosts (
  host       TEXT PRIMARY KEY,              -- lower-case host name or IPv4 address
  added_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);

-- One row per feed address, shared by its subscribers (fetched once). next_fetch_at moves
-- forward after every attempt: the refresh interval after a success, a doubling back-off
-- after each failure (never a tight retry loop).
CREATE TABLE external_feeds (
  id                 INTEGER PRIMARY KEY,
  url                TEXT NOT NULL UNIQUE,
  host               TEXT NOT NULL,
  title              TEXT NOT NULL DEFAULT '',
  site_link          TEXT,                  -- http(s) only
  created_at         INTEGER NOT NULL,
  last_attempt_at    INTEGER,
  last_success_at    INTEGER,
  last_error_code    TEXT,                  -- null after a success
  last_error_message TEXT,
  failures           INTEGER NOT NULL DEFAULT 0,
  next_fetch_at      INTEGER NOT NULL
);
CREATE INDEX external_feeds_due ON external_feeds(next_fetch_at);

CREATE TABLE feed_subscriptions (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  feed_id    INTEGER NOT NULL REFERENCES external_feeds(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, feed_id)
) WITHOUT ROWID;
CREATE INDEX feed_subscriptions_feed ON feed_subscriptions(feed_id);

-- Entries as plain text (markup stripped on the way in; feed HTML is never stored).
-- sort_at: published, else updated, else when first seen.
CREATE TABLE feed_entries (
  id            INTEGER PRIMARY KEY,
  feed_id       INTEGER NOT NULL REFERENCES external_feeds(id) ON DELETE CASCADE,
  guid          TEXT NOT NULL,
  title         TEXT NOT NULL,
  link          TEXT,                       -- http(s) only
  summary       TEXT NOT NULL DEFAULT '',
  published_at  INTEGER,
  updated_at    INTEGER,
  sort_at       INTEGER NOT NULL,
  first_seen_at INTEGER NOT NULL,
  UNIQUE (feed_id, guid)
);
CREATE INDEX feed_entries_by_feed ON feed_entries(feed_id, sort_at DESC, id DESC);

-- Read state, per person and entry.
CREATE TABLE feed_entry_reads (
  user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  entry_id INTEGER NOT NULL REFERENCES feed_entries(id) ON DELETE CASCADE,
  read_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, entry_id)
) WITHOUT ROWID;

-- Days (UTC, "YYYY-MM-DD") on which a person opened the reading view: a goal metric.
CREATE TABLE reading_days (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  day     TEXT NOT NULL,
  PRIMARY KEY (user_id, day)
) WITHOUT ROWID;
