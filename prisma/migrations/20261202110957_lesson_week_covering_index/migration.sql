-- DropIndex
DROP INDEX "Lesson_enrolmentId_startsAt_idx";

-- CreateIndex
CREATE INDEX "Lesson_enrolmentId_startsAt_attendance_idx" ON "Lesson"("enrolmentId", "startsAt", "attendance");

