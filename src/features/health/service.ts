import { db } from "../../db/client.ts";

export async function databaseAnswers(): Promise<boolean> {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
