// The whole demo is built in memory first (ids generated here), then written in one transaction.
import type { Prisma } from "../../src/generated/prisma/client.ts";

type WithId<T> = T & { id: string };

export type MissionLocaleRow = WithId<Prisma.MissionLocaleCreateManyInput>;
export type DrivingSchoolRow = WithId<Prisma.DrivingSchoolCreateManyInput>;
export type UserRow = WithId<Prisma.UserCreateManyInput>;
export type CohortRow = WithId<Prisma.CohortCreateManyInput>;
export type CohortQuotaRow = WithId<Prisma.CohortQuotaCreateManyInput>;
export type InfoMeetingRow = WithId<Prisma.InfoMeetingCreateManyInput> & { startsAt: Date };
export type YouthRow = WithId<Prisma.YouthCreateManyInput>;
export type ApplicationRow = WithId<Prisma.ApplicationCreateManyInput>;
export type LotteryFreezeRow = WithId<Prisma.LotteryFreezeCreateManyInput>;
export type FrozenApplicantRow = WithId<Prisma.FrozenApplicantCreateManyInput>;
export type LotteryDrawRow = WithId<Prisma.LotteryDrawCreateManyInput>;
export type LotteryEntryRow = WithId<Prisma.LotteryEntryCreateManyInput>;
export type LotteryReplacementRow = WithId<Prisma.LotteryReplacementCreateManyInput>;
export type EnrolmentRow = WithId<Prisma.EnrolmentCreateManyInput>;
export type LessonRow = WithId<Prisma.LessonCreateManyInput> & { startsAt: Date; attendance: string };
export type SkillAssessmentRow = WithId<Prisma.SkillAssessmentCreateManyInput>;
export type ExamRow = WithId<Prisma.ExamCreateManyInput>;
export type PaymentRow = WithId<Prisma.PaymentCreateManyInput>;
export type DifficultyRow = WithId<Prisma.DifficultyCreateManyInput>;
export type RecommendationRow = WithId<Prisma.RecommendationCreateManyInput>;
export type FollowUpSurveyRow = WithId<Prisma.FollowUpSurveyCreateManyInput>;
export type ResourceRow = WithId<Prisma.ResourceCreateManyInput>;
export type NotificationRow = WithId<Prisma.NotificationCreateManyInput>;

export type DemoRows = {
  missionLocales: MissionLocaleRow[];
  drivingSchools: DrivingSchoolRow[];
  /** Staff first: youths reference their counsellor, and the youth account references its youth. */
  staffUsers: UserRow[];
  youthUsers: UserRow[];
  cohorts: CohortRow[];
  cohortQuotas: CohortQuotaRow[];
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
    notifications: [],
  };
}
