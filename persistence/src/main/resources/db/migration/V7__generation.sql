-- The generate job keeps every LLM round: the first draft and, below the minimum score, one revision.
-- round: 1 = the draft, 2 = the revision; is_final marks the row the job's result points at (legacy rows: the only one).
-- gaps: what the content score said was missing or too much (JSON), the revision's instructions.
ALTER TABLE generations ADD COLUMN round SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE generations ADD COLUMN is_final BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE generations ADD COLUMN gaps JSONB;
ALTER TABLE generations ADD COLUMN provider VARCHAR(20);
-- A restarted job finds the rounds it already paid for; one row per (job, round). Imported rows are left out:
-- the monolith may hold several generations per task.
CREATE UNIQUE INDEX generations_job_round_idx ON generations (job_id, round) WHERE job_id IS NOT NULL AND legacy_id IS NULL;
