// Pure computations over a youth's training record: hours done, attendance, current skill levels.
import { ATTENDED, type Attendance, type LessonKind, type SkillLevel } from "./enums.ts";
import { SKILLS } from "./remc.ts";

export type LessonFacts = { startsAt: Date; durationMin: number; attendance: Attendance; kind: LessonKind };
export type SkillRow = { skillCode: string; level: SkillLevel; assessedAt: Date };

/** Whether a lesson counts towards the driving hours: only present or late ones, and not the
 * highway-code (THEORY) lessons, since the forecast and the legal minimum are driving hours. */
function countsAsDriving(lesson: { attendance: Attendance; kind: LessonKind }): boolean {
  return ATTENDED.includes(lesson.attendance) && lesson.kind !== "THEORY";
}

export function drivingMinutesDone(lessons: readonly LessonFacts[]): number {
  return lessons.reduce((sum, lesson) => sum + (countsAsDriving(lesson) ? lesson.durationMin : 0), 0);
}

/** Share of past, non-cancelled lessons that were attended (null before any). */
export function attendanceRate(lessons: readonly LessonFacts[], now: Date): number | null {
  const due = lessons.filter((lesson) => lesson.startsAt <= now && lesson.attendance !== "CANCELLED" && lesson.attendance !== "SCHEDULED");
  if (due.length === 0) return null;
  return due.filter((lesson) => ATTENDED.includes(lesson.attendance)).length / due.length;
}

/** The latest row per skill is the current level (the booklet is append-only). */
export function currentSkillLevels(rows: readonly SkillRow[]): Map<string, SkillLevel> {
  const latest = new Map<string, SkillRow>();
  for (const row of rows) {
    const seen = latest.get(row.skillCode);
    if (!seen || row.assessedAt >= seen.assessedAt) latest.set(row.skillCode, row);
  }
  return new Map([...latest].map(([code, row]) => [code, row.level]));
}

export function bookletOf(rows: readonly SkillRow[]) {
  const levels = currentSkillLevels(rows);
  const skills = SKILLS.map((skill) => ({ ...skill, level: levels.get(skill.code) ?? "NOT_STARTED" }));
  return { skills, acquired: skills.filter((skill) => skill.level === "ACQUIRED").length, total: skills.length };
}
