-- AlterTable
ALTER TABLE "DrivingSchool" ADD COLUMN "hourlyRateCents" INTEGER;

