-- Business rules on enrolments and exams.

-- An exam attempt is one per enrolment, kind and day (dates are stored at noon, Paris time):
-- rows recorded twice by a double submission, identical in every recorded fact, are merged
-- first, keeping the first one. Same-day attempts that disagree are left for a person to sort
-- out: the unique index below then stops the migration with their ids in the error.
DELETE FROM "Exam"
WHERE "rowid" NOT IN (
    SELECT MIN("rowid") FROM "Exam"
    GROUP BY "enrolmentId", "kind", "date", "result", IFNULL("score", -1), "eliminatoryFault"
);

-- DropIndex
DROP INDEX "Exam_enrolmentId_kind_date_idx";

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN "theoryPassedOn" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "Exam_enrolmentId_kind_date_key" ON "Exam"("enrolmentId", "kind", "date");

-- One current enrolment per youth, guaranteed by the database. Prisma's schema cannot express a
-- partial index, so it is written here by hand. A transfer used to leave the former enrolment
-- ACTIVE with isCurrent = false: such enrolments are closed as DROPPED, as a transfer now does.
UPDATE "Enrolment" SET "status" = 'DROPPED' WHERE "isCurrent" = 0 AND "status" IN ('ACTIVE', 'SUSPENDED');

CREATE UNIQUE INDEX "Enrolment_one_current_per_youth" ON "Enrolment"("youthId") WHERE "status" IN ('ACTIVE', 'SUSPENDED');
