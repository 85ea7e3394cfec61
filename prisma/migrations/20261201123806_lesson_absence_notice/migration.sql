-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN "absenceNoticeAt" DATETIME;
ALTER TABLE "Lesson" ADD COLUMN "absenceNoticeReason" TEXT;

