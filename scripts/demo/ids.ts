// Deterministic, cuid-looking ids: the same demo gives the same ids (and the same pseudonyms,
// which are an HMAC of the youth's id), and they never collide with the app's own cuid() ids.
import { createHash } from "node:crypto";

export class IdFactory {
  private readonly counters = new Map<string, number>();

  next(table: string): string {
    const n = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, n);
    return `d${createHash("sha256").update(`spid-demo:${table}:${n}`).digest("hex").slice(0, 24)}`;
  }
}
