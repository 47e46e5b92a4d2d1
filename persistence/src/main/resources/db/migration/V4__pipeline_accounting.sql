-- Accounting columns the pipeline's job types fill and analytics reads.
-- SERP credits spent by a job (0 for a cache hit): per job, so analytics can sum them per user and day.
ALTER TABLE jobs ADD COLUMN serp_credits INTEGER NOT NULL DEFAULT 0;
-- Which job a generation belongs to is already there; who asked for it and how long it took is not.
ALTER TABLE generations ADD COLUMN duration_ms BIGINT;
