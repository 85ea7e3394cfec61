-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REFERENT', 'SCHOOL', 'YOUTH', 'EVALUATOR');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'OTHER');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE', 'SELECTED', 'WAITLISTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DrawOutcome" AS ENUM ('SELECTED', 'WAITLISTED');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'COMPLETED', 'DROPPED');

-- CreateEnum
CREATE TYPE "Gearbox" AS ENUM ('MANUAL', 'AUTOMATIC');

-- CreateEnum
CREATE TYPE "LessonKind" AS ENUM ('DRIVING', 'THEORY', 'ASSESSMENT', 'MOCK_EXAM');

-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('SCHEDULED', 'PRESENT', 'LATE', 'ABSENT_EXCUSED', 'ABSENT_UNEXCUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SkillLevel" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'ACQUIRED');

-- CreateEnum
CREATE TYPE "ExamKind" AS ENUM ('THEORY', 'PRACTICAL');

-- CreateEnum
CREATE TYPE "ExamResult" AS ENUM ('PASSED', 'FAILED', 'ABSENT');

-- CreateEnum
CREATE TYPE "Payer" AS ENUM ('PROGRAMME', 'YOUTH');

-- CreateEnum
CREATE TYPE "DifficultyCategory" AS ENUM ('ATTENDANCE', 'LEARNING', 'COGNITIVE', 'FINANCIAL', 'MOBILITY', 'PERSONAL', 'OTHER');

-- CreateEnum
CREATE TYPE "RecommendationKind" AS ENUM ('PACE_CHANGE', 'EXTRA_LESSONS', 'MOCK_EXAM', 'SUPPORT_MOBILITY', 'SUPPORT_EMPLOYMENT', 'SUPPORT_HEALTH', 'SUPPORT_HOUSING', 'OTHER');

-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED', 'DONE');

-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('PENDING', 'ANSWERED', 'UNREACHABLE');

-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('ARTICLE', 'VIDEO', 'QUIZ', 'DOCUMENT', 'LINK');

-- CreateEnum
CREATE TYPE "ResourceAudience" AS ENUM ('ALL', 'YOUTH', 'SCHOOL', 'REFERENT');

-- CreateEnum
CREATE TYPE "StatementStatus" AS ENUM ('VALIDATED');

-- CreateTable
CREATE TABLE "MissionLocale" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MissionLocale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrivingSchool" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "address" TEXT,
    "city" TEXT,
    "phone" TEXT,
    "hourlyRateCents" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrivingSchool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT,
    "role" "Role" NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "missionLocaleId" TEXT,
    "drivingSchoolId" TEXT,
    "youthId" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "activatedAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "deactivatedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "phone" TEXT,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivationCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivationCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sid" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThrottleWindow" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThrottleWindow_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Cohort" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "drawDate" TIMESTAMP(3) NOT NULL,
    "aidCapCents" INTEGER NOT NULL DEFAULT 100000,
    "contributionCents" INTEGER NOT NULL DEFAULT 25000,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cohort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CohortQuota" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,

    CONSTRAINT "CohortQuota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Youth" (
    "id" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" TIMESTAMP(3) NOT NULL,
    "gender" "Gender" NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "employmentStatus" TEXT NOT NULL,
    "professionalProject" TEXT,
    "weeklyAvailability" TEXT NOT NULL DEFAULT '[]',
    "maxLessonsPerWeek" INTEGER,
    "lotteryConsentAt" TIMESTAMP(3),
    "evaluationConsentAt" TIMESTAMP(3),
    "evaluationConsentWithdrawnAt" TIMESTAMP(3),
    "missionLocaleId" TEXT NOT NULL,
    "referentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "searchName" TEXT NOT NULL DEFAULT '',
    "nameKey" TEXT NOT NULL DEFAULT '',
    "anonymisedAt" TIMESTAMP(3),

    CONSTRAINT "Youth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "youthId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "withdrawalReason" TEXT,
    "infoMeetingId" TEXT,
    "attendanceCommitmentAt" TIMESTAMP(3),
    "contributionCommitmentAt" TIMESTAMP(3),
    "commitmentRecordedById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfoMeeting" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,

    CONSTRAINT "InfoMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotteryFreeze" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "listDigest" TEXT NOT NULL,
    "frozenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "frozenById" TEXT,

    CONSTRAINT "LotteryFreeze_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrozenApplicant" (
    "id" TEXT NOT NULL,
    "freezeId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,

    CONSTRAINT "FrozenApplicant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotteryDraw" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "missionLocaleId" TEXT NOT NULL,
    "freezeId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "listDigest" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "drawnAt" TIMESTAMP(3) NOT NULL,
    "drawnById" TEXT,
    "validatedAt" TIMESTAMP(3),
    "validatedById" TEXT,
    "validationNote" TEXT,

    CONSTRAINT "LotteryDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotteryEntry" (
    "id" TEXT NOT NULL,
    "drawId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "outcome" "DrawOutcome" NOT NULL,

    CONSTRAINT "LotteryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotteryReplacement" (
    "id" TEXT NOT NULL,
    "drawId" TEXT NOT NULL,
    "withdrawnApplicationId" TEXT NOT NULL,
    "promotedApplicationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LotteryReplacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL,
    "youthId" TEXT NOT NULL,
    "drivingSchoolId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'ACTIVE',
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "gearbox" "Gearbox" NOT NULL DEFAULT 'MANUAL',
    "enrolledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "initialAssessmentAt" TIMESTAMP(3),
    "initialAssessmentNote" TEXT,
    "forecastHours" INTEGER,
    "licenceObtainedOn" TIMESTAMP(3),
    "theoryPassedOn" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "instructorId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMin" INTEGER NOT NULL,
    "kind" "LessonKind" NOT NULL,
    "attendance" "Attendance" NOT NULL DEFAULT 'SCHEDULED',
    "lateMin" INTEGER,
    "cancelReason" TEXT,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "absenceNoticeAt" TIMESTAMP(3),
    "absenceNoticeReason" TEXT,

    CONSTRAINT "Lesson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillAssessment" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "skillCode" TEXT NOT NULL,
    "level" "SkillLevel" NOT NULL,
    "assessedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assessedById" TEXT,
    "lessonId" TEXT,

    CONSTRAINT "SkillAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Exam" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "kind" "ExamKind" NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "score" INTEGER,
    "result" "ExamResult" NOT NULL,
    "eliminatoryFault" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Exam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "payer" "Payer" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidOn" TIMESTAMP(3) NOT NULL,
    "label" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Difficulty" (
    "id" TEXT NOT NULL,
    "youthId" TEXT NOT NULL,
    "enrolmentId" TEXT,
    "category" "DifficultyCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "reportedById" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "takenInChargeAt" TIMESTAMP(3),
    "takenInChargeById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,

    CONSTRAINT "Difficulty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL,
    "youthId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" "RecommendationKind" NOT NULL,
    "status" "RecommendationStatus" NOT NULL DEFAULT 'PROPOSED',
    "text" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "lessonsPerWeek" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "doneById" TEXT,
    "doneAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpSurvey" (
    "id" TEXT NOT NULL,
    "youthId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "monthsAfter" INTEGER NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "status" "SurveyStatus" NOT NULL DEFAULT 'PENDING',
    "answeredAt" TIMESTAMP(3),
    "hasLicence" BOOLEAN,
    "licenceObtainedOn" TIMESTAMP(3),
    "employed" BOOLEAN,
    "employmentStatus" TEXT,
    "recordedById" TEXT,
    "carAccess" BOOLEAN,

    CONSTRAINT "FollowUpSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resource" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "topic" TEXT NOT NULL,
    "body" TEXT,
    "url" TEXT,
    "isPublished" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "audience" "ResourceAudience" NOT NULL DEFAULT 'ALL',
    "bodyHtml" TEXT,
    "fileKey" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,

    CONSTRAINT "Resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizQuestion" (
    "id" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "answerIndex" INTEGER NOT NULL,
    "explanation" TEXT NOT NULL,

    CONSTRAINT "QuizQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizScore" (
    "id" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "bestScore" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuizScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "notificationId" TEXT,
    "userId" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "details" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolRate" (
    "id" TEXT NOT NULL,
    "drivingSchoolId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "hourlyRateCents" INTEGER NOT NULL,
    "examFeeCents" INTEGER NOT NULL DEFAULT 0,
    "assessmentCents" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchoolRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolStatement" (
    "id" TEXT NOT NULL,
    "drivingSchoolId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "status" "StatementStatus" NOT NULL DEFAULT 'VALIDATED',
    "totalCents" INTEGER NOT NULL,
    "coveredCents" INTEGER NOT NULL,
    "validatedAt" TIMESTAMP(3) NOT NULL,
    "validatedById" TEXT,

    CONSTRAINT "SchoolStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolStatementLine" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "SchoolStatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSummary" (
    "youthId" TEXT NOT NULL,
    "enrolmentId" TEXT,
    "warnings" TEXT NOT NULL,
    "warningRank" INTEGER NOT NULL,
    "facts" TEXT,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "validUntil" TIMESTAMP(3),
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingSummary_pkey" PRIMARY KEY ("youthId")
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
CREATE INDEX "ThrottleWindow_endsAt_idx" ON "ThrottleWindow"("endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_name_key" ON "Cohort"("name");

-- CreateIndex
CREATE UNIQUE INDEX "CohortQuota_cohortId_missionLocaleId_key" ON "CohortQuota"("cohortId", "missionLocaleId");

-- CreateIndex
CREATE UNIQUE INDEX "Youth_ref_key" ON "Youth"("ref");

-- CreateIndex
CREATE INDEX "Youth_missionLocaleId_lastName_firstName_id_idx" ON "Youth"("missionLocaleId", "lastName", "firstName", "id");

-- CreateIndex
CREATE INDEX "Youth_referentId_missionLocaleId_id_idx" ON "Youth"("referentId", "missionLocaleId", "id");

-- CreateIndex
CREATE INDEX "Youth_nameKey_missionLocaleId_idx" ON "Youth"("nameKey", "missionLocaleId");

-- CreateIndex
CREATE INDEX "Youth_email_missionLocaleId_idx" ON "Youth"("email", "missionLocaleId");

-- CreateIndex
CREATE INDEX "Youth_phone_missionLocaleId_idx" ON "Youth"("phone", "missionLocaleId");

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
CREATE INDEX "Enrolment_youthId_isCurrent_status_id_idx" ON "Enrolment"("youthId", "isCurrent", "status", "id");

-- CreateIndex
CREATE INDEX "Enrolment_cohortId_idx" ON "Enrolment"("cohortId");

-- CreateIndex
CREATE INDEX "Lesson_enrolmentId_startsAt_idx" ON "Lesson"("enrolmentId", "startsAt");

-- CreateIndex
CREATE INDEX "Lesson_enrolmentId_attendance_startsAt_idx" ON "Lesson"("enrolmentId", "attendance", "startsAt");

-- CreateIndex
CREATE INDEX "Lesson_instructorId_startsAt_idx" ON "Lesson"("instructorId", "startsAt");

-- CreateIndex
CREATE INDEX "Lesson_startsAt_idx" ON "Lesson"("startsAt");

-- CreateIndex
CREATE INDEX "SkillAssessment_enrolmentId_skillCode_assessedAt_idx" ON "SkillAssessment"("enrolmentId", "skillCode", "assessedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Exam_enrolmentId_kind_date_key" ON "Exam"("enrolmentId", "kind", "date");

-- CreateIndex
CREATE INDEX "Payment_enrolmentId_idx" ON "Payment"("enrolmentId");

-- CreateIndex
CREATE INDEX "Difficulty_youthId_resolvedAt_idx" ON "Difficulty"("youthId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Difficulty_resolvedAt_reportedAt_idx" ON "Difficulty"("resolvedAt", "reportedAt");

-- CreateIndex
CREATE INDEX "Recommendation_youthId_createdAt_idx" ON "Recommendation"("youthId", "createdAt");

-- CreateIndex
CREATE INDEX "Recommendation_youthId_status_idx" ON "Recommendation"("youthId", "status");

-- CreateIndex
CREATE INDEX "FollowUpSurvey_cohortId_monthsAfter_status_idx" ON "FollowUpSurvey"("cohortId", "monthsAfter", "status");

-- CreateIndex
CREATE INDEX "FollowUpSurvey_status_dueOn_idx" ON "FollowUpSurvey"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpSurvey_youthId_cohortId_monthsAfter_key" ON "FollowUpSurvey"("youthId", "cohortId", "monthsAfter");

-- CreateIndex
CREATE UNIQUE INDEX "Resource_slug_key" ON "Resource"("slug");

-- CreateIndex
CREATE INDEX "Resource_isPublished_audience_idx" ON "Resource"("isPublished", "audience");

-- CreateIndex
CREATE UNIQUE INDEX "QuizQuestion_resourceId_position_key" ON "QuizQuestion"("resourceId", "position");

-- CreateIndex
CREATE INDEX "QuizScore_userId_idx" ON "QuizScore"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizScore_resourceId_userId_key" ON "QuizScore"("resourceId", "userId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_sentAt_createdAt_idx" ON "OutboxMessage"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

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

-- CreateIndex
CREATE INDEX "TrainingSummary_stale_idx" ON "TrainingSummary"("stale");

-- CreateIndex
CREATE INDEX "TrainingSummary_validUntil_idx" ON "TrainingSummary"("validUntil");

-- CreateIndex
CREATE INDEX "TrainingSummary_youthId_warningRank_stale_validUntil_idx" ON "TrainingSummary"("youthId", "warningRank", "stale", "validUntil");

-- AddForeignKey
ALTER TABLE "DrivingSchool" ADD CONSTRAINT "DrivingSchool_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationCode" ADD CONSTRAINT "ActivationCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortQuota" ADD CONSTRAINT "CohortQuota_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortQuota" ADD CONSTRAINT "CohortQuota_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Youth" ADD CONSTRAINT "Youth_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Youth" ADD CONSTRAINT "Youth_referentId_fkey" FOREIGN KEY ("referentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_infoMeetingId_fkey" FOREIGN KEY ("infoMeetingId") REFERENCES "InfoMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfoMeeting" ADD CONSTRAINT "InfoMeeting_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfoMeeting" ADD CONSTRAINT "InfoMeeting_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryFreeze" ADD CONSTRAINT "LotteryFreeze_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryFreeze" ADD CONSTRAINT "LotteryFreeze_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrozenApplicant" ADD CONSTRAINT "FrozenApplicant_freezeId_fkey" FOREIGN KEY ("freezeId") REFERENCES "LotteryFreeze"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrozenApplicant" ADD CONSTRAINT "FrozenApplicant_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryDraw" ADD CONSTRAINT "LotteryDraw_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryDraw" ADD CONSTRAINT "LotteryDraw_missionLocaleId_fkey" FOREIGN KEY ("missionLocaleId") REFERENCES "MissionLocale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryDraw" ADD CONSTRAINT "LotteryDraw_freezeId_fkey" FOREIGN KEY ("freezeId") REFERENCES "LotteryFreeze"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryEntry" ADD CONSTRAINT "LotteryEntry_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "LotteryDraw"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryEntry" ADD CONSTRAINT "LotteryEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryReplacement" ADD CONSTRAINT "LotteryReplacement_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "LotteryDraw"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryReplacement" ADD CONSTRAINT "LotteryReplacement_withdrawnApplicationId_fkey" FOREIGN KEY ("withdrawnApplicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryReplacement" ADD CONSTRAINT "LotteryReplacement_promotedApplicationId_fkey" FOREIGN KEY ("promotedApplicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillAssessment" ADD CONSTRAINT "SkillAssessment_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillAssessment" ADD CONSTRAINT "SkillAssessment_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exam" ADD CONSTRAINT "Exam_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Difficulty" ADD CONSTRAINT "Difficulty_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Difficulty" ADD CONSTRAINT "Difficulty_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpSurvey" ADD CONSTRAINT "FollowUpSurvey_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpSurvey" ADD CONSTRAINT "FollowUpSurvey_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizQuestion" ADD CONSTRAINT "QuizQuestion_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizScore" ADD CONSTRAINT "QuizScore_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizScore" ADD CONSTRAINT "QuizScore_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolRate" ADD CONSTRAINT "SchoolRate_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolRate" ADD CONSTRAINT "SchoolRate_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolStatement" ADD CONSTRAINT "SchoolStatement_drivingSchoolId_fkey" FOREIGN KEY ("drivingSchoolId") REFERENCES "DrivingSchool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolStatementLine" ADD CONSTRAINT "SchoolStatementLine_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "SchoolStatement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolStatementLine" ADD CONSTRAINT "SchoolStatementLine_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSummary" ADD CONSTRAINT "TrainingSummary_youthId_fkey" FOREIGN KEY ("youthId") REFERENCES "Youth"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written: what the Prisma schema cannot say, the same rules as the SQLite migrations (same
-- names, same messages; tests/db/triggers.test.ts and tests/db/enrolment-index.test.ts check them).

-- At most one current (active or suspended) enrolment per youth.
CREATE UNIQUE INDEX "Enrolment_one_current_per_youth" ON "Enrolment"("youthId") WHERE "status" IN ('ACTIVE', 'SUSPENDED');

-- Audit events are append-only; kept 12 months, after which `npm run retention` deletes them, the
-- only deletion the table accepts. "at" is a UTC timestamp, hence the UTC clock.
CREATE FUNCTION "AuditEvent_no_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only';
END $$;
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "AuditEvent_no_update"();

CREATE FUNCTION "AuditEvent_no_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."at" >= (now() AT TIME ZONE 'UTC') - interval '12 months' THEN
    RAISE EXCEPTION 'AuditEvent is append-only for 12 months';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "AuditEvent_no_delete"();

-- A lottery's freeze, frozen list, entries and replacements never change once written.
CREATE FUNCTION "lottery_row_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable', TG_TABLE_NAME;
END $$;
CREATE TRIGGER "LotteryFreeze_no_update" BEFORE UPDATE ON "LotteryFreeze" FOR EACH ROW EXECUTE FUNCTION "lottery_row_immutable"();
CREATE TRIGGER "LotteryFreeze_no_delete" BEFORE DELETE ON "LotteryFreeze" FOR EACH ROW EXECUTE FUNCTION "lottery_row_immutable"();
CREATE TRIGGER "FrozenApplicant_no_update" BEFORE UPDATE ON "FrozenApplicant" FOR EACH ROW EXECUTE FUNCTION "lottery_row_immutable"();
CREATE TRIGGER "FrozenApplicant_no_delete" BEFORE DELETE ON "FrozenApplicant" FOR EACH ROW EXECUTE FUNCTION "lottery_row_immutable"();
CREATE TRIGGER "LotteryEntry_no_update" BEFORE UPDATE ON "LotteryEntry" FOR EACH ROW EXECUTE FUNCTION "lottery_row_immutable"();
CREATE TRIGGER "LotteryEntry_no_delete" BEFORE DELETE ON "LotteryEntry" FOR EACH ROW EXECUTE FUNCTION "lottery_row_immutable"();
CREATE TRIGGER "LotteryReplacement_no_update" BEFORE UPDATE ON "LotteryReplacement" FOR EACH ROW EXECUTE FUNCTION "lottery_row_immutable"();
CREATE TRIGGER "LotteryReplacement_no_delete" BEFORE DELETE ON "LotteryReplacement" FOR EACH ROW EXECUTE FUNCTION "lottery_row_immutable"();
CREATE TRIGGER "LotteryDraw_no_delete" BEFORE DELETE ON "LotteryDraw" FOR EACH ROW EXECUTE FUNCTION "lottery_row_immutable"();

-- A draw's inputs never change; only the committee's validation may be recorded, once.
CREATE FUNCTION "LotteryDraw_inputs_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."seed" IS DISTINCT FROM OLD."seed" OR NEW."listDigest" IS DISTINCT FROM OLD."listDigest"
    OR NEW."seats" IS DISTINCT FROM OLD."seats" OR NEW."drawnAt" IS DISTINCT FROM OLD."drawnAt"
    OR NEW."freezeId" IS DISTINCT FROM OLD."freezeId" OR NEW."cohortId" IS DISTINCT FROM OLD."cohortId"
    OR NEW."missionLocaleId" IS DISTINCT FROM OLD."missionLocaleId" OR NEW."drawnById" IS DISTINCT FROM OLD."drawnById"
    OR NEW."id" IS DISTINCT FROM OLD."id"
    OR (OLD."validatedAt" IS NOT NULL AND (NEW."validatedAt" IS DISTINCT FROM OLD."validatedAt"
      OR NEW."validatedById" IS DISTINCT FROM OLD."validatedById" OR NEW."validationNote" IS DISTINCT FROM OLD."validationNote")) THEN
    RAISE EXCEPTION 'LotteryDraw is immutable: only the committee validation may be recorded, once';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "LotteryDraw_inputs_fixed" BEFORE UPDATE ON "LotteryDraw"
  FOR EACH ROW EXECUTE FUNCTION "LotteryDraw_inputs_fixed"();

-- A change to a row a summary is computed from marks the learner's summary stale: it is recomputed
-- when next read (src/features/warnings/service.ts). The booklet, exams and payments count over
-- every enrolment of the learner, so the mark goes to the youth, not to one enrolment.
CREATE FUNCTION "stale_summary_of_youth"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = OLD."youthId";
  ELSE
    UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = NEW."youthId";
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "stale_summary_of_enrolment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = OLD."enrolmentId");
  ELSE
    UPDATE "TrainingSummary" SET "stale" = true WHERE "youthId" = (SELECT "youthId" FROM "Enrolment" WHERE "id" = NEW."enrolmentId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Lesson_stale_summary" AFTER INSERT OR UPDATE OR DELETE ON "Lesson" FOR EACH ROW EXECUTE FUNCTION "stale_summary_of_enrolment"();
CREATE TRIGGER "SkillAssessment_stale_summary" AFTER INSERT OR UPDATE OR DELETE ON "SkillAssessment" FOR EACH ROW EXECUTE FUNCTION "stale_summary_of_enrolment"();
CREATE TRIGGER "Exam_stale_summary" AFTER INSERT OR UPDATE OR DELETE ON "Exam" FOR EACH ROW EXECUTE FUNCTION "stale_summary_of_enrolment"();
CREATE TRIGGER "Payment_stale_summary" AFTER INSERT OR UPDATE OR DELETE ON "Payment" FOR EACH ROW EXECUTE FUNCTION "stale_summary_of_enrolment"();
CREATE TRIGGER "Difficulty_stale_summary" AFTER INSERT OR UPDATE OR DELETE ON "Difficulty" FOR EACH ROW EXECUTE FUNCTION "stale_summary_of_youth"();
CREATE TRIGGER "Enrolment_stale_summary" AFTER INSERT OR UPDATE OR DELETE ON "Enrolment" FOR EACH ROW EXECUTE FUNCTION "stale_summary_of_youth"();

CREATE FUNCTION "Cohort_contribution_stale_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TrainingSummary" SET "stale" = true
  WHERE "youthId" IN (SELECT "youthId" FROM "Enrolment" WHERE "cohortId" = NEW."id");
  RETURN NULL;
END $$;
CREATE TRIGGER "Cohort_contribution_stale_summary" AFTER UPDATE OF "contributionCents" ON "Cohort"
  FOR EACH ROW EXECUTE FUNCTION "Cohort_contribution_stale_summary"();
