-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "youthId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "text" TEXT NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "lessonsPerWeek" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "doneById" TEXT,
    "doneAt" DATETIME,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "Recommendation_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Rows written before the workflow were the counsellor's own advice: accepted by their author on
-- the day they were written, their free-text topic mapped to the closest kind.
INSERT INTO "new_Recommendation" ("acknowledgedAt", "authorId", "createdAt", "id", "text", "youthId", "kind", "status", "dueOn", "decidedById", "decidedAt")
SELECT "acknowledgedAt", "authorId", "createdAt", "id", "text", "youthId",
    CASE lower("topic") WHEN 'rythme' THEN 'PACE_CHANGE' WHEN 'mobilité' THEN 'SUPPORT_MOBILITY' ELSE 'OTHER' END,
    'ACCEPTED', "createdAt", "authorId", "createdAt"
FROM "Recommendation";
DROP TABLE "Recommendation";
ALTER TABLE "new_Recommendation" RENAME TO "Recommendation";
CREATE INDEX "Recommendation_youthId_createdAt_idx" ON "Recommendation"("youthId", "createdAt");
CREATE INDEX "Recommendation_youthId_status_idx" ON "Recommendation"("youthId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

