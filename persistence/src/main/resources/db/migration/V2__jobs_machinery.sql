-- Jobs machinery: nodes and their heartbeats, per-type controls (pause, cluster-wide concurrency),
-- the batch executions behind each job, and the fields dispatch and take-over need.

CREATE TABLE cluster_nodes (
  name          VARCHAR(100) PRIMARY KEY,
  started_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  heartbeat_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  base_url      TEXT
);

CREATE TABLE job_type_controls (
  type            VARCHAR(40) PRIMARY KEY,
  paused          BOOLEAN      NOT NULL DEFAULT FALSE,
  max_concurrent  INTEGER      NOT NULL DEFAULT 4 CHECK (max_concurrent BETWEEN 1 AND 1000),
  updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by      VARCHAR(100)
);

-- Every Jakarta Batch execution that ran (or runs) a job: a job restarted or taken over has several.
CREATE TABLE job_executions (
  execution_id  BIGINT       NOT NULL,
  node          VARCHAR(100) NOT NULL,
  job_id        BIGINT       NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  attempt       INTEGER      NOT NULL,
  kind          VARCHAR(10)  NOT NULL CHECK (kind IN ('start', 'restart', 'takeover')),
  started_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  ended_at      TIMESTAMPTZ,
  batch_status  VARCHAR(20),
  PRIMARY KEY (node, execution_id)
);
CREATE INDEX job_executions_job_idx ON job_executions (job_id, started_at);

ALTER TABLE jobs
  ADD COLUMN queued_at        TIMESTAMPTZ,
  ADD COLUMN checkpoint       JSONB,          -- the application checkpoint, written with the items it covers
  ADD COLUMN stop_requested   BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN resume_mode      VARCHAR(10),    -- NULL = fresh start; 'restart' = operator restart; 'takeover'
  ADD COLUMN takeovers        INTEGER NOT NULL DEFAULT 0;
UPDATE jobs SET queued_at = created_at;
ALTER TABLE jobs ALTER COLUMN queued_at SET DEFAULT now();
CREATE INDEX jobs_queued_idx ON jobs (type, id) WHERE status = 'queued';
CREATE INDEX jobs_running_node_idx ON jobs (node) WHERE status = 'running';

-- The proof-of-machinery job type writes here: one row per item, exactly once.
CREATE TABLE job_items (
  job_id   BIGINT  NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  item     INTEGER NOT NULL,
  node     VARCHAR(100),
  written_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, item)
);

INSERT INTO job_type_controls (type, max_concurrent) VALUES
  ('maintenance', 1), ('serp', 4), ('scrape', 4), ('analyze', 2), ('generate', 4), ('pipeline', 4),
  ('legacy-import', 1), ('legacy-export', 1), ('demo', 8);

INSERT INTO feature_flags (key, value, description) VALUES
  ('read-only', 'false', 'When true, every write answers 503 (cut-over and rollback)');
