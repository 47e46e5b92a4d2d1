-- Traffic switch (migration plan 3.4 and 5.2): which integrators the monolith still serves.
-- A row per API token or per user that is NOT on the default state 'zemo'; no row = served by Zemo.
CREATE TABLE traffic_routes (
  subject_kind  VARCHAR(5)   NOT NULL CHECK (subject_kind IN ('token', 'user')),
  subject_id    BIGINT       NOT NULL,
  state         VARCHAR(6)   NOT NULL CHECK (state IN ('legacy', 'shadow', 'zemo')),
  updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_by    VARCHAR(100),
  PRIMARY KEY (subject_kind, subject_id)
);

-- Shadow mode: a sample of the requests where the monolith's answer and Zemo's differ, with both bodies
-- (bounded in size by the application) to find out why.
CREATE TABLE traffic_shadow_mismatches (
  id              BIGSERIAL    PRIMARY KEY,
  at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
  node            VARCHAR(100),
  request_id      VARCHAR(64),
  subject_kind    VARCHAR(5)   NOT NULL,
  subject_id      BIGINT       NOT NULL,
  method          VARCHAR(10)  NOT NULL,
  path            TEXT         NOT NULL,
  legacy_status   INT,
  zemo_status     INT,
  legacy_body     TEXT,
  zemo_body       TEXT,
  difference      TEXT
);
CREATE INDEX traffic_shadow_mismatches_at_idx ON traffic_shadow_mismatches (at DESC);
