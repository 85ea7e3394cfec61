-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Lesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "drivingSchoolId" TEXT NOT NULL,
    "instructorId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "durationMin" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "attendance" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "lateMin" INTEGER,
    "cancelReason" TEXT,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "absenceNoticeAt" DATETIME,
    "absenceNoticeReason" TEXT,
    CONSTRAINT "Lesson_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Lesson_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Lesson_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Each lesson takes its enrolment's school (an enrolment never changes school).
INSERT INTO "new_Lesson" ("absenceNoticeAt", "absenceNoticeReason", "attendance", "cancelReason", "createdAt", "createdById", "drivingSchoolId", "durationMin", "enrolmentId", "id", "instructorId", "kind", "lateMin", "note", "startsAt", "updatedAt") SELECT l."absenceNoticeAt", l."absenceNoticeReason", l."attendance", l."cancelReason", l."createdAt", l."createdById", e."drivingSchoolId", l."durationMin", l."enrolmentId", l."id", l."instructorId", l."kind", l."lateMin", l."note", l."startsAt", l."updatedAt" FROM "Lesson" l JOIN "Enrolment" e ON e."id" = l."enrolmentId";
DROP TABLE "Lesson";
ALTER TABLE "new_Lesson" RENAME TO "Lesson";
CREATE INDEX "Lesson_enrolmentId_startsAt_attendance_idx" ON "Lesson"("enrolmentId", "startsAt", "attendance");
CREATE INDEX "Lesson_enrolmentId_attendance_startsAt_idx" ON "Lesson"("enrolmentId", "attendance", "startsAt");
CREATE INDEX "Lesson_drivingSchoolId_startsAt_attendance_enrolmentId_idx" ON "Lesson"("drivingSchoolId", "startsAt", "attendance", "enrolmentId");
CREATE INDEX "Lesson_drivingSchoolId_attendance_startsAt_idx" ON "Lesson"("drivingSchoolId", "attendance", "startsAt");
CREATE INDEX "Lesson_instructorId_startsAt_idx" ON "Lesson"("instructorId", "startsAt");
CREATE INDEX "Lesson_startsAt_idx" ON "Lesson"("startsAt");
-- The table was rebuilt: its triggers (a change to a lesson marks the learner's summary stale) again.
CREATE TRIGGER "Lesson_insert_stale_summary" AFTER INSERT ON "Lesson"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = NEW."enrolmentId");
END;
CREATE TRIGGER "Lesson_update_stale_summary" AFTER UPDATE ON "Lesson"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = NEW."enrolmentId");
END;
CREATE TRIGGER "Lesson_delete_stale_summary" AFTER DELETE ON "Lesson"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = OLD."enrolmentId");
END;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

