-- AlterTable
ALTER TABLE "FollowUpSurvey" ADD COLUMN "carAccess" BOOLEAN;

-- CreateIndex
CREATE INDEX "FollowUpSurvey_status_dueOn_idx" ON "FollowUpSurvey"("status", "dueOn");

