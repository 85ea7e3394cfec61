-- CreateTable
CREATE TABLE "TrainingSummary" (
    "youthId" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT,
    "warnings" TEXT NOT NULL,
    "warningRank" INTEGER NOT NULL,
    "facts" TEXT,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "validUntil" DATETIME,
    "refreshedAt" DATETIME NOT NULL,
    CONSTRAINT "TrainingSummary_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TrainingSummary_stale_idx" ON "TrainingSummary"("stale");

-- CreateIndex
CREATE INDEX "TrainingSummary_validUntil_idx" ON "TrainingSummary"("validUntil");


-- A change to a row a summary is computed from marks the learner's summary stale: it is recomputed
-- when next read (src/features/warnings/service.ts). The booklet, exams and payments count over
-- every enrolment of the learner, so the mark goes to the youth, not to one enrolment.

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

CREATE TRIGGER "SkillAssessment_insert_stale_summary" AFTER INSERT ON "SkillAssessment"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = NEW."enrolmentId");
END;

CREATE TRIGGER "SkillAssessment_update_stale_summary" AFTER UPDATE ON "SkillAssessment"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = NEW."enrolmentId");
END;

CREATE TRIGGER "SkillAssessment_delete_stale_summary" AFTER DELETE ON "SkillAssessment"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = OLD."enrolmentId");
END;

CREATE TRIGGER "Exam_insert_stale_summary" AFTER INSERT ON "Exam"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = NEW."enrolmentId");
END;

CREATE TRIGGER "Exam_update_stale_summary" AFTER UPDATE ON "Exam"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = NEW."enrolmentId");
END;

CREATE TRIGGER "Exam_delete_stale_summary" AFTER DELETE ON "Exam"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = OLD."enrolmentId");
END;

CREATE TRIGGER "Payment_insert_stale_summary" AFTER INSERT ON "Payment"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = NEW."enrolmentId");
END;

CREATE TRIGGER "Payment_update_stale_summary" AFTER UPDATE ON "Payment"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = NEW."enrolmentId");
END;

CREATE TRIGGER "Payment_delete_stale_summary" AFTER DELETE ON "Payment"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = OLD."enrolmentId");
END;

CREATE TRIGGER "Difficulty_insert_stale_summary" AFTER INSERT ON "Difficulty"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = NEW."youthId";
END;

CREATE TRIGGER "Difficulty_update_stale_summary" AFTER UPDATE ON "Difficulty"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = NEW."youthId";
END;

CREATE TRIGGER "Difficulty_delete_stale_summary" AFTER DELETE ON "Difficulty"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = OLD."youthId";
END;

CREATE TRIGGER "Enrolment_insert_stale_summary" AFTER INSERT ON "Enrolment"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = NEW."youthId";
END;

CREATE TRIGGER "Enrolment_update_stale_summary" AFTER UPDATE ON "Enrolment"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = NEW."youthId";
END;

CREATE TRIGGER "Enrolment_delete_stale_summary" AFTER DELETE ON "Enrolment"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = OLD."youthId";
END;

CREATE TRIGGER "Cohort_contribution_stale_summary" AFTER UPDATE OF "contributionCents" ON "Cohort"
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true
  WHERE "youthId" IN (SELECT "youthId" FROM "Enrolment" WHERE "cohortId" = NEW."id");
END;
