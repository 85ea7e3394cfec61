-- DropIndex
DROP INDEX "Enrolment_youthId_isCurrent_idx";

-- DropIndex
DROP INDEX "Youth_referentId_idx";

-- DropIndex
DROP INDEX "Youth_missionLocaleId_lastName_idx";

-- CreateIndex
CREATE INDEX "Enrolment_youthId_isCurrent_status_id_idx" ON "Enrolment"("youthId", "isCurrent", "status", "id");

-- CreateIndex
CREATE INDEX "TrainingSummary_youthId_warningRank_stale_validUntil_idx" ON "TrainingSummary"("youthId", "warningRank", "stale", "validUntil");

-- CreateIndex
CREATE INDEX "Youth_missionLocaleId_lastName_firstName_id_idx" ON "Youth"("missionLocaleId", "lastName", "firstName", "id");

-- CreateIndex
CREATE INDEX "Youth_referentId_missionLocaleId_id_idx" ON "Youth"("referentId", "missionLocaleId", "id");

