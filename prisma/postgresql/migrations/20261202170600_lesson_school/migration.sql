-- AlterTable: each lesson takes its enrolment's school (an enrolment never changes school). The
-- summaries need no marking: the lessons themselves do not change.
ALTER TABLE "Lesson" ADD COLUMN     "drivingSchoolId" TEXT;
ALTER TABLE "Lesson" DISABLE TRIGGER "Lesson_stale_summary";
UPDATE "Lesson" l SET "drivingSchoolId" = e."drivingSchoolId" FROM "Enrolment" e WHERE e."id" = l."enrolmentId";
ALTER TABLE "Lesson" ENABLE TRIGGER "Lesson_stale_summary";
ALTER TABLE "Lesson" ALTER COLUMN "drivingSchoolId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Lesson_drivingSchoolId_startsAt_attendance_enrolmentId_idx" ON "Lesson"("drivingSchoolId", "startsAt", "attendance", "enrolmentId");

-- CreateIndex
CREATE INDEX "Lesson_drivingSchoolId_attendance_startsAt_idx" ON "Lesson"("drivingSchoolId", "attendance", "startsAt");

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

