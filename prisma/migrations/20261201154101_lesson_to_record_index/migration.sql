-- CreateIndex
CREATE INDEX "Lesson_enrolmentId_attendance_startsAt_idx" ON "Lesson"("enrolmentId", "attendance", "startsAt");

