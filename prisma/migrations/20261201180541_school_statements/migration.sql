-- CreateTable
CREATE TABLE "SchoolRate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "drivingSchoolId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "hourlyRateCents" INTEGER NOT NULL,
    "examFeeCents" INTEGER NOT NULL DEFAULT 0,
    "assessmentCents" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SchoolRate_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SchoolRate_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SchoolStatement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "drivingSchoolId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'VALIDATED',
    "totalCents" INTEGER NOT NULL,
    "coveredCents" INTEGER NOT NULL,
    "validatedAt" DATETIME NOT NULL,
    "validatedById" TEXT,
    CONSTRAINT "SchoolStatement_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SchoolStatementLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statementId" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "youthId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "hourlyRateCents" INTEGER NOT NULL,
    "lessonMinutes" INTEGER NOT NULL,
    "lessonCents" INTEGER NOT NULL,
    "exams" INTEGER NOT NULL,
    "examCents" INTEGER NOT NULL,
    "assessments" INTEGER NOT NULL,
    "assessmentCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "coveredCents" INTEGER NOT NULL,
    "paymentId" TEXT,
    CONSTRAINT "SchoolStatementLine_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "SchoolStatement" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SchoolStatementLine_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SchoolRate_cohortId_idx" ON "SchoolRate"("cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolRate_drivingSchoolId_cohortId_key" ON "SchoolRate"("drivingSchoolId", "cohortId");

-- CreateIndex
CREATE INDEX "SchoolStatement_month_idx" ON "SchoolStatement"("month");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolStatement_drivingSchoolId_month_key" ON "SchoolStatement"("drivingSchoolId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolStatementLine_paymentId_key" ON "SchoolStatementLine"("paymentId");

-- CreateIndex
CREATE INDEX "SchoolStatementLine_statementId_idx" ON "SchoolStatementLine"("statementId");

-- CreateIndex
CREATE INDEX "SchoolStatementLine_enrolmentId_idx" ON "SchoolStatementLine"("enrolmentId");

-- CreateIndex
CREATE INDEX "SchoolStatementLine_cohortId_idx" ON "SchoolStatementLine"("cohortId");

