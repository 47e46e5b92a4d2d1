-- Zemo schema v1: identity, settings, prompts, jobs and their results, audit, flags, legacy bookkeeping.
-- Flyway is the only thing that changes this schema (JPA schema generation is off).

CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
-- pgvector only where the server ships it (the embedded server does not; production images do).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS vector;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pgvector is available but this role may not create it; continuing without it';
    END;
  END IF;
END $$;

-- ---------------------------------------------------------------- identity
CREATE TABLE users (
  id             BIGSERIAL PRIMARY KEY,
  username       VARCHAR(100) NOT NULL,
  email          VARCHAR(320),
  display_name   VARCHAR(200),
  password_hash  VARCHAR(100),            -- bcrypt ($2a$/$2b$/$2y$); NULL = no password login yet
  active         BOOLEAN      NOT NULL DEFAULT TRUE,
  failed_logins  INTEGER      NOT NULL DEFAULT 0,
  locked_until   TIMESTAMPTZ,
  language       VARCHAR(5),
  legacy_id      BIGINT,
  created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
  last_login_at  TIMESTAMPTZ,
  version        BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_username_uq ON users (lower(username));
CREATE INDEX users_email_idx ON users (lower(email));
CREATE UNIQUE INDEX users_legacy_uq ON users (legacy_id) WHERE legacy_id IS NOT NULL;

CREATE TABLE user_roles (
  user_id BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role    VARCHAR(20) NOT NULL CHECK (role IN ('admin', 'operator', 'editor', 'viewer')),
  PRIMARY KEY (user_id, role)
);

-- Only a SHA-256 of the token is kept; the token itself is shown once on creation.
CREATE TABLE api_tokens (
  id            BIGSERIAL PRIMARY KEY,
  user_id       BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name          VARCHAR(100) NOT NULL,
  token_hash    VARCHAR(64)  NOT NULL UNIQUE,
  token_prefix  VARCHAR(16)  NOT NULL,
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  last_used_at  TIMESTAMPTZ,
  expires_at    TIMESTAMPTZ,
  revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- ---------------------------------------------------------------- settings
-- user_id NULL = global. Secret values live only in value_enc (pgp_sym_encrypt with a key
-- from configuration, never stored here); value_text is NULL for them.
CREATE TABLE settings (
  id          BIGSERIAL PRIMARY KEY,
  user_id     BIGINT       REFERENCES users (id) ON DELETE CASCADE,
  key         VARCHAR(100) NOT NULL,
  secret      BOOLEAN      NOT NULL DEFAULT FALSE,
  value_text  TEXT,
  value_enc   BYTEA,
  value_hint  VARCHAR(32),                -- masked form shown to users, e.g. "sk-…abcd"
  updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by  BIGINT,
  CHECK ((secret AND value_text IS NULL) OR NOT secret)
);
CREATE UNIQUE INDEX settings_user_key_uq ON settings (user_id, key) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX settings_global_key_uq ON settings (key) WHERE user_id IS NULL;

-- ---------------------------------------------------------------- prompts
CREATE TABLE prompts (
  id               BIGSERIAL PRIMARY KEY,
  owner_id         BIGINT       REFERENCES users (id) ON DELETE SET NULL,
  title            VARCHAR(300) NOT NULL,
  shared           BOOLEAN      NOT NULL DEFAULT FALSE,
  current_version  INTEGER      NOT NULL DEFAULT 1,
  legacy_id        BIGINT,
  created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
  deleted_at       TIMESTAMPTZ,
  version          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX prompts_owner_idx ON prompts (owner_id);

-- Every edit is a new row; jobs keep the version they used.
CREATE TABLE prompt_versions (
  id           BIGSERIAL PRIMARY KEY,
  prompt_id    BIGINT        NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
  version      INTEGER       NOT NULL,
  body         TEXT          NOT NULL,
  model        VARCHAR(100),
  temperature  NUMERIC(4, 2),
  max_tokens   INTEGER,
  created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
  created_by   BIGINT,
  UNIQUE (prompt_id, version)
);

-- ---------------------------------------------------------------- jobs
CREATE TABLE jobs (
  id                  BIGSERIAL PRIMARY KEY,
  type                VARCHAR(40)  NOT NULL,
  owner_id            BIGINT       REFERENCES users (id) ON DELETE SET NULL,
  parent_id           BIGINT       REFERENCES jobs (id) ON DELETE CASCADE,
  status              VARCHAR(20)  NOT NULL DEFAULT 'queued'
                      CHECK (status IN ('queued', 'running', 'completed', 'failed', 'stopped', 'canceled')),
  params              JSONB,
  params_raw          TEXT,                  -- legacy params that were not valid JSON, kept as they were
  result              JSONB,
  error               TEXT,
  progress_done       BIGINT       NOT NULL DEFAULT 0,
  progress_total      BIGINT,
  current_step        VARCHAR(60),
  node                VARCHAR(100),
  attempts            INTEGER      NOT NULL DEFAULT 0,
  batch_execution_id  BIGINT,
  request_id          VARCHAR(64),
  legacy_id           BIGINT,
  created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  started_at          TIMESTAMPTZ,
  finished_at         TIMESTAMPTZ,
  heartbeat_at        TIMESTAMPTZ,
  version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX jobs_status_type_idx ON jobs (status, type, created_at);
CREATE INDEX jobs_owner_created_idx ON jobs (owner_id, created_at DESC);
CREATE INDEX jobs_created_idx ON jobs (created_at DESC, id DESC);
CREATE INDEX jobs_parent_idx ON jobs (parent_id);

CREATE TABLE job_logs (
  id        BIGSERIAL PRIMARY KEY,
  job_id    BIGINT       REFERENCES jobs (id) ON DELETE CASCADE,
  at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  level     VARCHAR(10)  NOT NULL,
  step      VARCHAR(60),
  node      VARCHAR(100),
  message   TEXT         NOT NULL
);
CREATE INDEX job_logs_job_idx ON job_logs (job_id, id);

-- ---------------------------------------------------------------- results
CREATE TABLE serp_results (
  id          BIGSERIAL PRIMARY KEY,
  job_id      BIGINT       REFERENCES jobs (id) ON DELETE CASCADE,
  engine      VARCHAR(20),
  query       TEXT,
  region      VARCHAR(100),
  language    VARCHAR(10),
  position    INTEGER,
  url         TEXT,
  title       TEXT,
  snippet     TEXT,
  legacy_id   BIGINT,
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX serp_results_job_idx ON serp_results (job_id, position);

CREATE TABLE pages (
  id                BIGSERIAL PRIMARY KEY,
  job_id            BIGINT       REFERENCES jobs (id) ON DELETE CASCADE,
  url               TEXT         NOT NULL,
  final_url         TEXT,
  status_code       INTEGER,
  charset           VARCHAR(40),
  title             TEXT,
  meta_description  TEXT,
  outline           JSONB,
  main_text         TEXT,
  word_count        INTEGER,
  char_count        INTEGER,
  links_internal    INTEGER,
  links_external    INTEGER,
  images            JSONB,
  html_gzip         BYTEA,                   -- raw HTML, gzip-compressed, to re-run analyses offline
  error             TEXT,
  legacy_id         BIGINT,
  fetched_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX pages_job_idx ON pages (job_id);

CREATE TABLE analyses (
  id          BIGSERIAL PRIMARY KEY,
  job_id      BIGINT       REFERENCES jobs (id) ON DELETE CASCADE,
  keyword     TEXT,
  data        JSONB,
  data_raw    TEXT,                          -- legacy data that was not valid JSON
  brief       JSONB,
  legacy_id   BIGINT,
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX analyses_job_idx ON analyses (job_id);

CREATE TABLE generations (
  id                 BIGSERIAL PRIMARY KEY,
  job_id             BIGINT        REFERENCES jobs (id) ON DELETE CASCADE,
  prompt_id          BIGINT,
  prompt_version_id  BIGINT        REFERENCES prompt_versions (id) ON DELETE SET NULL,
  model              VARCHAR(100),
  input_tokens       INTEGER,
  output_tokens      INTEGER,
  cost_usd           NUMERIC(14, 6),
  content            TEXT,
  score              NUMERIC(5, 2),
  legacy_id          BIGINT,
  created_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX generations_job_idx ON generations (job_id);
CREATE INDEX generations_created_idx ON generations (created_at);

-- ---------------------------------------------------------------- audit, flags
CREATE TABLE audit_log (
  id          BIGSERIAL PRIMARY KEY,
  at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
  actor_id    BIGINT,
  actor       VARCHAR(100),
  action      VARCHAR(60)   NOT NULL,
  target      VARCHAR(200),
  details     TEXT,
  ip          VARCHAR(64),
  request_id  VARCHAR(64)
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);

CREATE TABLE feature_flags (
  key         VARCHAR(100) PRIMARY KEY,
  value       VARCHAR(200) NOT NULL,
  description TEXT,
  updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by  VARCHAR(100)
);

-- ---------------------------------------------------------------- legacy import bookkeeping
CREATE TABLE legacy_import_runs (
  id           BIGSERIAL PRIMARY KEY,
  job_id       BIGINT       REFERENCES jobs (id) ON DELETE SET NULL,
  source_path  TEXT         NOT NULL,
  mode         VARCHAR(10)  NOT NULL CHECK (mode IN ('full', 'delta', 'export')),
  dry_run      BOOLEAN      NOT NULL DEFAULT FALSE,
  status       VARCHAR(20)  NOT NULL DEFAULT 'running',
  report       JSONB,
  started_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
  finished_at  TIMESTAMPTZ
);

-- Legacy id → new id, per table, with a checksum of the converted row for delta sync.
CREATE TABLE legacy_id_map (
  table_name  VARCHAR(40)  NOT NULL,
  legacy_id   BIGINT       NOT NULL,
  new_id      BIGINT,
  run_id      BIGINT       REFERENCES legacy_import_runs (id) ON DELETE SET NULL,
  checksum    VARCHAR(64),
  outcome     VARCHAR(20)  NOT NULL DEFAULT 'imported' CHECK (outcome IN ('imported', 'merged', 'quarantined')),
  PRIMARY KEY (table_name, legacy_id)
);

CREATE TABLE legacy_quarantine (
  id           BIGSERIAL PRIMARY KEY,
  run_id       BIGINT       REFERENCES legacy_import_runs (id) ON DELETE CASCADE,
  table_name   VARCHAR(40)  NOT NULL,
  source_id    BIGINT,
  column_name  VARCHAR(60),
  reason       TEXT         NOT NULL,
  raw_value    TEXT,
  created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX legacy_quarantine_run_idx ON legacy_quarantine (run_id, table_name);
