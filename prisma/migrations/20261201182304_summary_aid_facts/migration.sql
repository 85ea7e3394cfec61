-- The training summaries now keep the programme aid paid (for the caseload's "reste à financer"):
-- every summary is recomputed on its next read or by the periodic sweep.
UPDATE "TrainingSummary" SET "stale" = true;
