// A youth's weekly availability, stored as JSON in Youth.weeklyAvailability:
// [{ "day": 1..7 (Monday = 1), "from": "HH:MM", "to": "HH:MM" }], Europe/Paris wall-clock time.
export type AvailabilitySlot = { day: number; from: string; to: string };

/** Parses the stored JSON; anything malformed counts as "not declared". */
export function parseAvailability(json: string): AvailabilitySlot[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (slot): slot is AvailabilitySlot =>
        typeof slot === "object" &&
        slot !== null &&
        typeof (slot as AvailabilitySlot).day === "number" &&
        typeof (slot as AvailabilitySlot).from === "string" &&
        typeof (slot as AvailabilitySlot).to === "string",
    );
  } catch {
    return [];
  }
}
