// The whole demo is built in memory first (ids generated here), then written in one transaction.
import type { Prisma } from "../../src/generated/prisma/client.ts";

type WithId<T> = T & { id: string };

type MissionLocaleRow = WithId<Prisma.MissionLocaleCreateManyInput>;
type DrivingSchoolRow = WithId<Prisma.DrivingSchoolCreateManyInput>;
export type UserRow = WithId<Prisma.UserCreateManyInput>;
type CohortRow = WithId<Prisma.CohortCreateManyInput>;
type CohortQuotaRow = WithId<Prisma.CohortQuotaCreateManyInput>;
export type InfoMeetingRow = WithId<Prisma.InfoMeetingCreateManyInput> & { startsAt: Date };
export type YouthRow = WithId<Prisma.YouthCreateManyInput>;
export type ApplicationRow = WithId<Prisma.ApplicationCreateManyInput>;
type LotteryFreezeRow = WithId<Prisma.LotteryFreezeCreateManyInput>;
type FrozenApplicantRow = WithId<Prisma.FrozenApplicantCreateManyInput>;
type LotteryDrawRow = WithId<Prisma.LotteryDrawCreateManyInput>;
type LotteryEntryRow = WithId<Prisma.LotteryEntryCreateManyInput>;
type LotteryReplacementRow = WithId<Prisma.LotteryReplacementCreateManyInput>;
export type EnrolmentRow = WithId<Prisma.EnrolmentCreateManyInput>;
export type LessonRow = WithId<Prisma.LessonCreateManyInput> & { startsAt: Date; attendance: string };
export type SkillAssessmentRow = WithId<Prisma.SkillAssessmentCreateManyInput>;
type ExamRow = WithId<Prisma.ExamCreateManyInput>;
type PaymentRow = WithId<Prisma.PaymentCreateManyInput>;
export type DifficultyRow = WithId<Prisma.DifficultyCreateManyInput>;
type RecommendationRow = WithId<Prisma.RecommendationCreateManyInput>;
type FollowUpSurveyRow = WithId<Prisma.FollowUpSurveyCreateManyInput>;
type ResourceRow = WithId<Prisma.ResourceCreateManyInput>;
type QuizQuestionRow = WithId<Prisma.QuizQuestionCreateManyInput>;
type SchoolRateRow = WithId<Prisma.SchoolRateCreateManyInput>;
type NotificationRow = WithId<Prisma.NotificationCreateManyInput>;

export type DemoRows = {
  missionLocales: MissionLocaleRow[];
  drivingSchools: DrivingSchoolRow[];
  /** Staff first: youths reference their counsellor, and the youth account references its youth. */
  staffUsers: UserRow[];
  youthUsers: UserRow[];
  cohorts: CohortRow[];
  cohortQuotas: CohortQuotaRow[];
  /** Each school's prices in each cohort, for the monthly statements. */
  schoolRates: SchoolRateRow[];
  infoMeetings: InfoMeetingRow[];
  youths: YouthRow[];
  applications: ApplicationRow[];
  lotteryFreezes: LotteryFreezeRow[];
  frozenApplicants: FrozenApplicantRow[];
  lotteryDraws: LotteryDrawRow[];
  lotteryEntries: LotteryEntryRow[];
  lotteryReplacements: LotteryReplacementRow[];
  enrolments: EnrolmentRow[];
  lessons: LessonRow[];
  skillAssessments: SkillAssessmentRow[];
  exams: ExamRow[];
  payments: PaymentRow[];
  difficulties: DifficultyRow[];
  recommendations: RecommendationRow[];
  followUpSurveys: FollowUpSurveyRow[];
  resources: ResourceRow[];
  quizQuestions: QuizQuestionRow[];
  notifications: NotificationRow[];
};

export function emptyRows(): DemoRows {
  return {
    missionLocales: [],
    drivingSchools: [],
    staffUsers: [],
    youthUsers: [],
    cohorts: [],
    cohortQuotas: [],
    schoolRates: [],
    infoMeetings: [],
    youths: [],
    applications: [],
    lotteryFreezes: [],
    frozenApplicants: [],
    lotteryDraws: [],
    lotteryEntries: [],
    lotteryReplacements: [],
    enrolments: [],
    lessons: [],
    skillAssessments: [],
    exams: [],
    payments: [],
    difficulties: [],
    recommendations: [],
    followUpSurveys: [],
    resources: [],
    quizQuestions: [],
    notifications: [],
  };
}
