-- The scrape job: where each page sits in its job's URL list (the restart checkpoint: a stored position is not
-- fetched again), how it was fetched, and why it failed, in a form a restart can act on.
ALTER TABLE pages
  ADD COLUMN position         INTEGER,       -- 0-based index in the job's URL list
  ADD COLUMN used_javascript  BOOLEAN,
  ADD COLUMN fetch_ms         INTEGER,
  ADD COLUMN bytes            INTEGER,       -- body bytes received (before decompression by nobody: we ask for identity)
  ADD COLUMN error_kind       VARCHAR(20);   -- http_4xx, http_5xx, timeout, io, too_big, refused, redirects, not_html, busy
CREATE UNIQUE INDEX pages_job_position_idx ON pages (job_id, position) WHERE position IS NOT NULL;
