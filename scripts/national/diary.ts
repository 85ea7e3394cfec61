// Instructors' diaries in half-hour blocks: no instructor teaches two lessons at once, in the
// national data as in the demo (the school's week would show the overlap).
const BLOCK_MS = 30 * 60_000;

export class Diaries {
  private readonly busy = new Map<string, Set<number>>();

  private blocks(startsAt: Date, durationMin: number): number[] {
    const first = Math.floor(startsAt.getTime() / BLOCK_MS);
    const last = Math.ceil((startsAt.getTime() + durationMin * 60_000) / BLOCK_MS);
    return Array.from({ length: last - first }, (_, i) => first + i);
  }

  isFree(instructorId: string, startsAt: Date, durationMin: number): boolean {
    const taken = this.busy.get(instructorId);
    return !taken || this.blocks(startsAt, durationMin).every((block) => !taken.has(block));
  }

  book(instructorId: string, startsAt: Date, durationMin: number): void {
    let taken = this.busy.get(instructorId);
    if (!taken) {
      taken = new Set();
      this.busy.set(instructorId, taken);
    }
    for (const block of this.blocks(startsAt, durationMin)) taken.add(block);
  }
}
