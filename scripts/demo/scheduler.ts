// Books lessons so that no youth and no instructor is ever in two places at once: each booking
// takes whole hours (starting on the hour) in both diaries.
import type { Availability } from "./applicants.ts";
import { HOUR_MS, addDays, isoWeekday, parisTime } from "./dates.ts";
import type { Rng } from "./random.ts";

export type SlotRequest = {
  youthId: string;
  /** Preferred instructor first. */
  instructorIds: readonly string[];
  desiredDay: Date;
  durationMin: number;
  availability: readonly Availability[];
  notBefore: Date;
  /** Exclusive upper bound of the start. */
  before: Date;
};

export type Slot = { startsAt: Date; instructorId: string };

const OPENING_HOUR = 8;
const CLOSING_HOUR = 19;

function minutesOf(hhmm: string): number {
  const [hours = "0", minutes = "0"] = hhmm.split(":");
  return Number(hours) * 60 + Number(minutes);
}

/** Local start hours on one day that fit the lesson in the person's free time. */
function hoursWithin(availability: readonly Availability[], weekday: number, durationMin: number): number[] {
  const hours: number[] = [];
  for (const window of availability) {
    if (window.day !== weekday) continue;
    const to = minutesOf(window.to);
    for (let hour = Math.ceil(minutesOf(window.from) / 60); hour * 60 + durationMin <= to; hour += 1) hours.push(hour);
  }
  return hours;
}

function openingHours(durationMin: number): number[] {
  const hours: number[] = [];
  for (let hour = OPENING_HOUR; hour * 60 + durationMin <= CLOSING_HOUR * 60; hour += 1) hours.push(hour);
  return hours;
}

export class Scheduler {
  private readonly busy = new Map<string, Set<number>>();

  constructor(private readonly rng: Rng) {}

  private diary(ownerId: string): Set<number> {
    let diary = this.busy.get(ownerId);
    if (!diary) {
      diary = new Set();
      this.busy.set(ownerId, diary);
    }
    return diary;
  }

  private isFree(ownerId: string, firstHour: number, hours: number): boolean {
    const diary = this.busy.get(ownerId);
    if (!diary) return true;
    for (let h = firstHour; h < firstHour + hours; h += 1) if (diary.has(h)) return false;
    return true;
  }

  /** Books the slot when the youth and one of the instructors are both free. */
  tryBook(youthId: string, instructorIds: readonly string[], startsAt: Date, durationMin: number): Slot | null {
    const firstHour = Math.floor(startsAt.getTime() / HOUR_MS);
    const hours = Math.ceil(durationMin / 60);
    if (startsAt.getTime() % HOUR_MS !== 0 || !this.isFree(youthId, firstHour, hours)) return null;
    const instructorId = instructorIds.find((id) => this.isFree(id, firstHour, hours));
    if (!instructorId) return null;
    for (const owner of [youthId, instructorId]) {
      const diary = this.diary(owner);
      for (let h = firstHour; h < firstHour + hours; h += 1) diary.add(h);
    }
    return { startsAt, instructorId };
  }

  /** First free slot from the desired day: in the youth's free time within a week, else at any
   * opening hour (Monday to Saturday) within two weeks. */
  book(request: SlotRequest): Slot | null {
    return (
      this.search(request, 7, (weekday) => hoursWithin(request.availability, weekday, request.durationMin)) ??
      this.search(request, 14, (weekday) => (weekday <= 6 ? openingHours(request.durationMin) : []))
    );
  }

  private search(request: SlotRequest, days: number, hoursOn: (weekday: number) => number[]): Slot | null {
    for (let offset = 0; offset < days; offset += 1) {
      const day = addDays(request.desiredDay, offset);
      if (parisTime(day, 0) >= request.before) return null;
      const hours = hoursOn(isoWeekday(day));
      if (hours.length === 0) continue;
      // Start at a random hour of the day so that lessons spread over the day.
      const shift = this.rng.int(0, hours.length - 1);
      for (let i = 0; i < hours.length; i += 1) {
        const hour = hours[(i + shift) % hours.length] as number;
        const startsAt = parisTime(day, hour);
        if (startsAt < request.notBefore || startsAt >= request.before) continue;
        const slot = this.tryBook(request.youthId, request.instructorIds, startsAt, request.durationMin);
        if (slot) return slot;
      }
    }
    return null;
  }
}
