-- AlterTable
ALTER TABLE "Youth" ADD COLUMN "evaluationConsentWithdrawnAt" DATETIME;

