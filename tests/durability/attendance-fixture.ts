// One driving school with `clients` school accounts, each with its own youth and `perClient`
// lessons that have started (attendance may be recorded): the writes of the durability tests.
import { makeCohort, makeEnrolment, makeMissionLocale, makeSchool, makeUser, makeYouth, testDb } from "../helpers/factories.ts";
import { DAY, enrolledOn, HOUR, minuteOf } from "../helpers/school-factories.ts";

export type AttendanceUpdate = { lessonId: string; form: Record<string, string>; attendance: string; lateMin: number | null };

/** The n-th update of a client: a different attendance value from one lesson to the next. */
function updateOf(lessonId: string, n: number): AttendanceUpdate {
  const kind = n % 4;
  if (kind === 1)
    return { lessonId, form: { attendance: "LATE", lateMin: String((n % 30) + 1) }, attendance: "LATE", lateMin: (n % 30) + 1 };
  const attendance = ["PRESENT", "", "ABSENT_EXCUSED", "ABSENT_UNEXCUSED"][kind]!;
  return { lessonId, form: { attendance }, attendance, lateMin: null };
}

export async function attendanceFixture(clients: number, perClient: number) {
  const missionLocale = await makeMissionLocale();
  const school = await makeSchool(missionLocale.id);
  const cohort = await makeCohort();
  const now = minuteOf(new Date());
  const accounts = [];
  for (let c = 0; c < clients; c++) {
    const user = await makeUser("SCHOOL", { drivingSchoolId: school.id });
    const youth = await makeYouth(missionLocale.id);
    const enrolment = await makeEnrolment(youth.id, school.id, cohort.id);
    await enrolledOn(enrolment.id, new Date(now.getTime() - 30 * DAY));
    // One lesson an hour back from two hours ago: started, not overlapping.
    await testDb.lesson.createMany({
      data: Array.from({ length: perClient }, (_, n) => ({
        enrolmentId: enrolment.id,
        drivingSchoolId: school.id,
        startsAt: new Date(now.getTime() - (n + 2) * HOUR),
        durationMin: 60,
        kind: "DRIVING" as const,
        attendance: "SCHEDULED" as const,
      })),
    });
    const lessons = await testDb.lesson.findMany({
      where: { enrolmentId: enrolment.id },
      orderBy: { startsAt: "desc" },
      select: { id: true },
    });
    accounts.push({ email: user.email, userId: user.id, updates: lessons.map((lesson, n) => updateOf(lesson.id, n)) });
  }
  return { schoolId: school.id, accounts };
}
