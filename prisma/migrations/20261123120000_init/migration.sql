-- CreateTable
CREATE TABLE "MissionLocale" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DrivingSchool" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "address" TEXT,
    "city" TEXT,
    "phone" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DrivingSchool_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT,
    "role" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "missionLocaleId" TEXT,
    "drivingSchoolId" TEXT,
    "youthId" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "activatedAt" DATETIME,
    "lastSignInAt" DATETIME,
    "deactivatedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivationCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActivationCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sid" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Cohort" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "drawDate" DATETIME NOT NULL,
    "aidCapCents" INTEGER NOT NULL DEFAULT 100000,
    "contributionCents" INTEGER NOT NULL DEFAULT 25000,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CohortQuota" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    CONSTRAINT "CohortQuota_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CohortQuota_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Youth" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ref" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "gender" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "employmentStatus" TEXT NOT NULL,
    "professionalProject" TEXT,
    "weeklyAvailability" TEXT NOT NULL DEFAULT '[]',
    "maxLessonsPerWeek" INTEGER,
    "lotteryConsentAt" DATETIME,
    "evaluationConsentAt" DATETIME,
    "missionLocaleId" TEXT NOT NULL,
    "referentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Youth_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Youth_referentId_fkey" FOREIGN KEY ("referentId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "youthId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "submittedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "withdrawalReason" TEXT,
    "infoMeetingId" TEXT,
    "attendanceCommitmentAt" DATETIME,
    "contributionCommitmentAt" DATETIME,
    "commitmentRecordedById" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_infoMeetingId_fkey" FOREIGN KEY ("infoMeetingId") REFERENCES "InfoMeeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InfoMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "place" TEXT NOT NULL,
    CONSTRAINT "InfoMeeting_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InfoMeeting_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LotteryFreeze" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "listDigest" TEXT NOT NULL,
    "frozenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "frozenById" TEXT,
    CONSTRAINT "LotteryFreeze_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotteryFreeze_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FrozenApplicant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "freezeId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    CONSTRAINT "FrozenApplicant_freezeId_fkey" FOREIGN KEY ("freezeId") REFERENCES "LotteryFreeze" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FrozenApplicant_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LotteryDraw" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "freezeId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "listDigest" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "drawnAt" DATETIME NOT NULL,
    "drawnById" TEXT,
    "validatedAt" DATETIME,
    "validatedById" TEXT,
    "validationNote" TEXT,
    CONSTRAINT "LotteryDraw_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotteryDraw_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotteryDraw_freezeId_fkey" FOREIGN KEY ("freezeId") REFERENCES "LotteryFreeze" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LotteryEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "drawId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    CONSTRAINT "LotteryEntry_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "LotteryDraw" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotteryEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LotteryReplacement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "drawId" TEXT NOT NULL,
    "withdrawnApplicationId" TEXT NOT NULL,
    "promotedApplicationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LotteryReplacement_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "LotteryDraw" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotteryReplacement_withdrawnApplicationId_fkey" FOREIGN KEY ("withdrawnApplicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LotteryReplacement_promotedApplicationId_fkey" FOREIGN KEY ("promotedApplicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "youthId" TEXT NOT NULL,
    "drivingSchoolId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "gearbox" TEXT NOT NULL DEFAULT 'MANUAL',
    "enrolledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "initialAssessmentAt" DATETIME,
    "initialAssessmentNote" TEXT,
    "forecastHours" INTEGER,
    "licenceObtainedOn" DATETIME,
    "endedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Enrolment_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "instructorId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "durationMin" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "attendance" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "lateMin" INTEGER,
    "cancelReason" TEXT,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Lesson_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Lesson_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SkillAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "skillCode" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "assessedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assessedById" TEXT,
    "lessonId" TEXT,
    CONSTRAINT "SkillAssessment_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SkillAssessment_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Exam" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "score" INTEGER,
    "result" TEXT NOT NULL,
    "eliminatoryFault" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Exam_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "payer" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidOn" DATETIME NOT NULL,
    "label" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Payment_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Difficulty" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "youthId" TEXT NOT NULL,
    "enrolmentId" TEXT,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "reportedById" TEXT,
    "reportedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    CONSTRAINT "Difficulty_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Difficulty_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "youthId" TEXT NOT NULL,
    "authorId" TEXT,
    "topic" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "Recommendation_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpSurvey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "youthId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "monthsAfter" INTEGER NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "answeredAt" DATETIME,
    "hasLicence" BOOLEAN,
    "licenceObtainedOn" DATETIME,
    "employed" BOOLEAN,
    "employmentStatus" TEXT,
    "recordedById" TEXT,
    CONSTRAINT "FollowUpSurvey_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FollowUpSurvey_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Resource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "body" TEXT,
    "url" TEXT,
    "isPublished" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "details" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "MissionLocale_code_key" ON "MissionLocale"("code");

-- CreateIndex
CREATE INDEX "DrivingSchool_missionLocaleId_idx" ON "DrivingSchool"("missionLocaleId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_youthId_key" ON "User"("youthId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_missionLocaleId_idx" ON "User"("missionLocaleId");

-- CreateIndex
CREATE INDEX "User_drivingSchoolId_idx" ON "User"("drivingSchoolId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivationCode_codeHash_key" ON "ActivationCode"("codeHash");

-- CreateIndex
CREATE INDEX "ActivationCode_userId_idx" ON "ActivationCode"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sid_key" ON "Session"("sid");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_name_key" ON "Cohort"("name");

-- CreateIndex
CREATE UNIQUE INDEX "CohortQuota_cohortId_missionLocaleId_key" ON "CohortQuota"("cohortId", "missionLocaleId");

-- CreateIndex
CREATE UNIQUE INDEX "Youth_ref_key" ON "Youth"("ref");

-- CreateIndex
CREATE INDEX "Youth_missionLocaleId_lastName_idx" ON "Youth"("missionLocaleId", "lastName");

-- CreateIndex
CREATE INDEX "Youth_referentId_idx" ON "Youth"("referentId");

-- CreateIndex
CREATE INDEX "Youth_lastName_birthDate_idx" ON "Youth"("lastName", "birthDate");

-- CreateIndex
CREATE INDEX "Youth_email_idx" ON "Youth"("email");

-- CreateIndex
CREATE INDEX "Youth_phone_idx" ON "Youth"("phone");

-- CreateIndex
CREATE INDEX "Application_cohortId_status_idx" ON "Application"("cohortId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Application_youthId_cohortId_key" ON "Application"("youthId", "cohortId");

-- CreateIndex
CREATE INDEX "InfoMeeting_cohortId_missionLocaleId_idx" ON "InfoMeeting"("cohortId", "missionLocaleId");

-- CreateIndex
CREATE UNIQUE INDEX "LotteryFreeze_cohortId_missionLocaleId_key" ON "LotteryFreeze"("cohortId", "missionLocaleId");

-- CreateIndex
CREATE INDEX "FrozenApplicant_applicationId_idx" ON "FrozenApplicant"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "FrozenApplicant_freezeId_ref_key" ON "FrozenApplicant"("freezeId", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "LotteryDraw_freezeId_key" ON "LotteryDraw"("freezeId");

-- CreateIndex
CREATE UNIQUE INDEX "LotteryDraw_cohortId_missionLocaleId_key" ON "LotteryDraw"("cohortId", "missionLocaleId");

-- CreateIndex
CREATE INDEX "LotteryEntry_applicationId_idx" ON "LotteryEntry"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "LotteryEntry_drawId_rank_key" ON "LotteryEntry"("drawId", "rank");

-- CreateIndex
CREATE INDEX "LotteryReplacement_drawId_idx" ON "LotteryReplacement"("drawId");

-- CreateIndex
CREATE INDEX "Enrolment_drivingSchoolId_isCurrent_status_idx" ON "Enrolment"("drivingSchoolId", "isCurrent", "status");

-- CreateIndex
CREATE INDEX "Enrolment_youthId_isCurrent_idx" ON "Enrolment"("youthId", "isCurrent");

-- CreateIndex
CREATE INDEX "Enrolment_cohortId_idx" ON "Enrolment"("cohortId");

-- CreateIndex
CREATE INDEX "Lesson_enrolmentId_startsAt_idx" ON "Lesson"("enrolmentId", "startsAt");

-- CreateIndex
CREATE INDEX "Lesson_instructorId_startsAt_idx" ON "Lesson"("instructorId", "startsAt");

-- CreateIndex
CREATE INDEX "Lesson_startsAt_idx" ON "Lesson"("startsAt");

-- CreateIndex
CREATE INDEX "SkillAssessment_enrolmentId_skillCode_assessedAt_idx" ON "SkillAssessment"("enrolmentId", "skillCode", "assessedAt");

-- CreateIndex
CREATE INDEX "Exam_enrolmentId_kind_date_idx" ON "Exam"("enrolmentId", "kind", "date");

-- CreateIndex
CREATE INDEX "Payment_enrolmentId_idx" ON "Payment"("enrolmentId");

-- CreateIndex
CREATE INDEX "Difficulty_youthId_resolvedAt_idx" ON "Difficulty"("youthId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Recommendation_youthId_createdAt_idx" ON "Recommendation"("youthId", "createdAt");

-- CreateIndex
CREATE INDEX "FollowUpSurvey_cohortId_monthsAfter_status_idx" ON "FollowUpSurvey"("cohortId", "monthsAfter", "status");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpSurvey_youthId_cohortId_monthsAfter_key" ON "FollowUpSurvey"("youthId", "cohortId", "monthsAfter");

-- CreateIndex
CREATE UNIQUE INDEX "Resource_slug_key" ON "Resource"("slug");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");


-- The audit trail is append-only. A migration that rebuilds "AuditEvent" drops these
-- triggers with the table and must create them again (tests/db/audit-triggers.test.ts checks).
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
