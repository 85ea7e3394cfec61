-- Youth.warningRank: the rank of the youth's training summary, written with it, so that a caseload
-- sorts by warning through an index. A column with a constant default is added in place.
ALTER TABLE "Youth" ADD COLUMN "warningRank" INTEGER NOT NULL DEFAULT 8;

-- The summaries already computed give their rank.
UPDATE "Youth" SET "warningRank" = (SELECT t."warningRank" FROM "TrainingSummary" t WHERE t."youthId" = "Youth"."id")
WHERE EXISTS (SELECT 1 FROM "TrainingSummary" t WHERE t."youthId" = "Youth"."id");

-- DropIndex
DROP INDEX "Youth_referentId_missionLocaleId_id_idx";

-- CreateIndex
CREATE INDEX "Youth_referentId_missionLocaleId_warningRank_lastName_firstName_id_idx" ON "Youth"("referentId", "missionLocaleId", "warningRank", "lastName", "firstName", "id");

-- CreateIndex
CREATE INDEX "Youth_missionLocaleId_warningRank_lastName_firstName_id_idx" ON "Youth"("missionLocaleId", "warningRank", "lastName", "firstName", "id");
