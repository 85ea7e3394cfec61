-- AlterTable
ALTER TABLE "Youth" ADD COLUMN "anonymisedAt" DATETIME;


-- Audit events are kept 12 months: `npm run retention` deletes the older ones, and that is the
-- only deletion the table accepts. Dates are stored as ISO 8601 text ("2026-12-01T09:30:00.000+00:00"),
-- so the limit is written in the same form for the text comparison. UPDATE stays refused.
DROP TRIGGER "AuditEvent_no_delete";
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
WHEN OLD."at" >= strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '-12 months')
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only for 12 months');
END;
