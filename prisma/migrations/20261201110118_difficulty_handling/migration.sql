-- AlterTable
ALTER TABLE "Difficulty" ADD COLUMN "resolution" TEXT;
ALTER TABLE "Difficulty" ADD COLUMN "takenInChargeAt" DATETIME;
ALTER TABLE "Difficulty" ADD COLUMN "takenInChargeById" TEXT;

-- CreateIndex
CREATE INDEX "Difficulty_resolvedAt_reportedAt_idx" ON "Difficulty"("resolvedAt", "reportedAt");

