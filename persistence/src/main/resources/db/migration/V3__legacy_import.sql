-- Legacy import (issue 5): what V1 lacks to keep every legacy row and reference without loss.
-- The legacy_* reference columns hold the monolith's own ids as they were, also when the row they point
-- at is gone (orphans): the new FK stays NULL then, and the export writes the legacy reference back.

-- users: the e-mail exactly as the monolith held it (case, spaces, invalid addresses included).
ALTER TABLE users ADD COLUMN legacy_email TEXT;

-- A second legacy account of the same person (same address but for case and spaces) is merged onto the
-- older one; its own data (login hash included) is kept here, not thrown away and not usable for login.
CREATE TABLE legacy_user_aliases (
  legacy_id      BIGINT PRIMARY KEY,
  user_id        BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email          VARCHAR(320),
  legacy_email   TEXT,
  display_name   VARCHAR(200),
  password_hash  VARCHAR(100),
  role           VARCHAR(20)  NOT NULL,
  active         BOOLEAN      NOT NULL,
  created_at     TIMESTAMPTZ,
  last_login_at  TIMESTAMPTZ
);
CREATE INDEX legacy_user_aliases_user_idx ON legacy_user_aliases (user_id);

ALTER TABLE settings ADD COLUMN legacy_id BIGINT;
ALTER TABLE settings ADD COLUMN legacy_user_id BIGINT;

-- Settings of users deleted by hand in the monolith: kept (encrypted as settings are), but apart from
-- settings so that no query for global settings (user_id NULL) can ever pick them up.
CREATE TABLE legacy_orphan_settings (
  id              BIGSERIAL PRIMARY KEY,
  legacy_id       BIGINT       NOT NULL UNIQUE,
  legacy_user_id  BIGINT,
  key             VARCHAR(100) NOT NULL,
  secret          BOOLEAN      NOT NULL,
  value_text      TEXT,
  value_enc       BYTEA,
  value_hint      VARCHAR(32),
  updated_at      TIMESTAMPTZ,
  CHECK ((secret AND value_text IS NULL) OR NOT secret)
);

ALTER TABLE prompts ADD COLUMN legacy_owner_id BIGINT;

ALTER TABLE jobs ADD COLUMN keyword TEXT;
ALTER TABLE jobs ADD COLUMN legacy_owner_id BIGINT;
ALTER TABLE jobs ADD COLUMN legacy_parent_id BIGINT;
CREATE UNIQUE INDEX jobs_legacy_uq ON jobs (legacy_id) WHERE legacy_id IS NOT NULL;

ALTER TABLE job_logs ADD COLUMN legacy_id BIGINT;
ALTER TABLE job_logs ADD COLUMN legacy_job_id BIGINT;
CREATE UNIQUE INDEX job_logs_legacy_uq ON job_logs (legacy_id) WHERE legacy_id IS NOT NULL;

ALTER TABLE serp_results ADD COLUMN legacy_job_id BIGINT;
ALTER TABLE pages ADD COLUMN legacy_job_id BIGINT;
ALTER TABLE analyses ADD COLUMN legacy_job_id BIGINT;
ALTER TABLE generations ADD COLUMN legacy_job_id BIGINT;
ALTER TABLE generations ADD COLUMN legacy_prompt_id BIGINT;

-- A quarantined row is not imported; a flagged row is imported with one column converted by a documented
-- fallback (cut-short JSON, unknown role, orphan reference, ...), the raw value kept here.
ALTER TABLE legacy_quarantine ADD COLUMN kind VARCHAR(12) NOT NULL DEFAULT 'quarantined'
  CHECK (kind IN ('quarantined', 'flagged'));
CREATE INDEX legacy_quarantine_source_idx ON legacy_quarantine (table_name, source_id);

-- The checkpoint of the last committed chunk, written in the chunk's own transaction.
ALTER TABLE legacy_import_runs ADD COLUMN checkpoint_table VARCHAR(40);
ALTER TABLE legacy_import_runs ADD COLUMN checkpoint_last_id BIGINT;
ALTER TABLE legacy_import_runs ADD COLUMN as_of TIMESTAMPTZ;

-- Range look-ups by legacy id (delta sync, reconciliation, export) on the tables V1 left without one.
CREATE INDEX prompts_legacy_idx ON prompts (legacy_id) WHERE legacy_id IS NOT NULL;
CREATE INDEX settings_legacy_idx ON settings (legacy_id) WHERE legacy_id IS NOT NULL;
CREATE INDEX serp_results_legacy_idx ON serp_results (legacy_id) WHERE legacy_id IS NOT NULL;
CREATE INDEX pages_legacy_idx ON pages (legacy_id) WHERE legacy_id IS NOT NULL;
CREATE INDEX analyses_legacy_idx ON analyses (legacy_id) WHERE legacy_id IS NOT NULL;
CREATE INDEX generations_legacy_idx ON generations (legacy_id) WHERE legacy_id IS NOT NULL;

-- html_gzip is compressed already: TOAST should store it as it is, not try pglz on it again.
ALTER TABLE pages ALTER COLUMN html_gzip SET STORAGE EXTERNAL;
