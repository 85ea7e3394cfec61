// Fixtures of the authorization matrix for the foundation's routes. Each feature adds its own file
// beside this one and lists it in ../authorization.matrix.test.ts.
import type { Role } from "../../../src/domain/enums.ts";
import { testDb, type makeWorld } from "../../helpers/factories.ts";

export type World = Awaited<ReturnType<typeof makeWorld>>;
/** How to find (or make) a record inside the caller's scope, and one outside it (404). */
type Target = {
  inScope: (w: World, role: Role) => string | Promise<string>;
  outOfScope?: (w: World) => string | Promise<string>;
};
/** The fixtures of one route: which record is in or out of scope, and what a POST sends. The
 * route's permission is not repeated here: the matrix reads it from the app's own route table. */
export type Fixture = { method: "GET" | "POST"; path: string; target?: Target; body?: Record<string, string> };

const ownYouth = (w: World) => w.home.youth.id;
const youthAccount = (w: World) => w.home.youthUser.id;

export const FOUNDATION_FIXTURES: Fixture[] = [
  { method: "GET", path: "/livez" },
  { method: "GET", path: "/health" },
  { method: "GET", path: "/favicon.ico" },
  { method: "GET", path: "/login" },
  { method: "POST", path: "/login" },
  { method: "POST", path: "/logout" },
  { method: "GET", path: "/activate" },
  { method: "POST", path: "/activate" },
  { method: "GET", path: "/" },
  { method: "GET", path: "/caseload" },
  { method: "GET", path: "/caseload.csv" },
  { method: "GET", path: "/me" },
  {
    method: "GET",
    path: "/youths/:id",
    target: { inScope: ownYouth, outOfScope: (w) => w.away.youth.id },
  },
  { method: "GET", path: "/youths/:id/lessons", target: { inScope: ownYouth, outOfScope: (w) => w.away.youth.id } },
  { method: "GET", path: "/accounts" },
  { method: "GET", path: "/audit" },
  { method: "GET", path: "/accounts/new" },
  { method: "POST", path: "/accounts", body: {} },
  {
    method: "GET",
    path: "/accounts/:id",
    target: { inScope: youthAccount, outOfScope: (w) => w.away.youthUser.id },
  },
  {
    method: "GET",
    path: "/accounts/:id/letter",
    target: { inScope: youthAccount, outOfScope: (w) => w.away.youthUser.id },
  },
  {
    method: "POST",
    path: "/accounts/:id/codes",
    target: { inScope: youthAccount, outOfScope: (w) => w.away.youthUser.id },
  },
  {
    method: "POST",
    path: "/accounts/:id/deactivate",
    target: { inScope: (w) => w.home.spareUser.id, outOfScope: (w) => w.away.spareUser.id },
  },
  { method: "GET", path: "/notifications" },
  { method: "POST", path: "/notifications/read-all" },
  {
    method: "POST",
    path: "/notifications/:id/read",
    target: { inScope: (w, role) => notificationFor(homeUser(w, role).id), outOfScope: (w) => notificationFor(w.away.referent.id) },
  },
];

/** The home-side account of each role in a world: who signs in for that role in the matrix. */
export function homeUser(w: World, role: Role): { id: string; email: string } {
  const users: Record<Role, { id: string; email: string }> = {
    ADMIN: w.admin,
    REFERENT: w.home.referent,
    SCHOOL: w.home.schoolUser,
    YOUTH: w.home.youthUser,
    EVALUATOR: w.evaluator,
  };
  return users[role];
}

async function notificationFor(userId: string): Promise<string> {
  const created = await testDb.notification.create({ data: { userId, title: "Test", body: "Une notification" }, select: { id: true } });
  return created.id;
}
