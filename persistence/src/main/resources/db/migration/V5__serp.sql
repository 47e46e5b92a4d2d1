-- SERP cache, shared by every node: one row per (engine, normalised query, region, language, depth).
-- Region and language are '' when not given, so the key is a plain primary key. A hit within
-- zemo.serpapi.cache-hours costs no provider credits.
CREATE TABLE serp_cache (
  engine      VARCHAR(20)  NOT NULL,
  query_norm  TEXT         NOT NULL,
  region      VARCHAR(100) NOT NULL DEFAULT '',
  language    VARCHAR(10)  NOT NULL DEFAULT '',
  depth       INTEGER      NOT NULL,
  provider    VARCHAR(40)  NOT NULL,
  results     JSONB        NOT NULL,          -- [{position, url, title, snippet}]
  credits     INTEGER      NOT NULL DEFAULT 0, -- what the search that filled the entry cost
  fetched_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (engine, query_norm, region, language, depth)
);
-- the retention clean-up and "how old is the cache" look at fetched_at
CREATE INDEX serp_cache_fetched_idx ON serp_cache (fetched_at);
