-- DropIndex
DROP INDEX "Youth_referentId_missionLocaleId_id_idx";

-- AlterTable
ALTER TABLE "Youth" ADD COLUMN     "warningRank" INTEGER NOT NULL DEFAULT 8;

-- The summaries already computed give their rank.
UPDATE "Youth" SET "warningRank" = (SELECT t."warningRank" FROM "TrainingSummary" t WHERE t."youthId" = "Youth"."id")
WHERE EXISTS (SELECT 1 FROM "TrainingSummary" t WHERE t."youthId" = "Youth"."id");

-- CreateIndex
CREATE INDEX "Youth_referentId_missionLocaleId_warningRank_lastName_first_idx" ON "Youth"("referentId", "missionLocaleId", "warningRank", "lastName", "firstName", "id");

-- CreateIndex
CREATE INDEX "Youth_missionLocaleId_warningRank_lastName_firstName_id_idx" ON "Youth"("missionLocaleId", "warningRank", "lastName", "firstName", "id");

