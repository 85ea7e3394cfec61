// Rows of the authorization matrix for the foundation's routes. Each feature adds its own file
// beside this one and lists it in ../authorization.matrix.test.ts.
import type { Permission } from "../../../src/auth/policy.ts";
import type { Role } from "../../../src/domain/enums.ts";
import { testDb, type makeWorld } from "../../helpers/factories.ts";

export type World = Awaited<ReturnType<typeof makeWorld>>;
/** How to find (or make) a record inside the caller's scope, and one outside it (404). */
export type Target = {
  inScope: (w: World, role: Role) => string | Promise<string>;
  outOfScope?: (w: World) => string | Promise<string>;
};
export type Row = { method: "GET" | "POST"; path: string; permission: Permission | "public"; target?: Target; body?: Record<string, string> };

const ownYouth = (w: World) => w.home.youth.id;
const youthAccount = (w: World) => w.home.youthUser.id;

export const FOUNDATION_ROUTES: Row[] = [
  { method: "GET", path: "/health", permission: "public" },
  { method: "GET", path: "/favicon.ico", permission: "public" },
  { method: "GET", path: "/login", permission: "public" },
  { method: "POST", path: "/login", permission: "public" },
  { method: "POST", path: "/logout", permission: "public" },
  { method: "GET", path: "/activate", permission: "public" },
  { method: "POST", path: "/activate", permission: "public" },
  { method: "GET", path: "/", permission: "home:view" },
  { method: "GET", path: "/me", permission: "me:view" },
  {
    method: "GET",
    path: "/youths/:id",
    permission: "youth:read",
    target: { inScope: ownYouth, outOfScope: (w) => w.away.youth.id },
  },
  { method: "GET", path: "/accounts", permission: "account:list" },
  { method: "GET", path: "/accounts/new", permission: "account:create" },
  { method: "POST", path: "/accounts", permission: "account:create", body: {} },
  {
    method: "GET",
    path: "/accounts/:id",
    permission: "account:list",
    target: { inScope: youthAccount, outOfScope: (w) => w.away.youthUser.id },
  },
  {
    method: "GET",
    path: "/accounts/:id/letter",
    permission: "account:issue-code",
    target: { inScope: youthAccount, outOfScope: (w) => w.away.youthUser.id },
  },
  {
    method: "POST",
    path: "/accounts/:id/codes",
    permission: "account:issue-code",
    target: { inScope: youthAccount, outOfScope: (w) => w.away.youthUser.id },
  },
  {
    method: "POST",
    path: "/accounts/:id/deactivate",
    permission: "account:deactivate",
    target: { inScope: (w) => w.home.spareUser.id, outOfScope: (w) => w.away.spareUser.id },
  },
  {
    method: "POST",
    path: "/notifications/:id/read",
    permission: "home:view",
    target: { inScope: (w, role) => notificationFor(signedInUserId(w, role)), outOfScope: (w) => notificationFor(w.away.referent.id) },
  },
];

function signedInUserId(w: World, role: Role): string {
  const ids: Record<Role, string> = {
    ADMIN: w.admin.id,
    REFERENT: w.home.referent.id,
    SCHOOL: w.home.schoolUser.id,
    YOUTH: w.home.youthUser.id,
    EVALUATOR: w.evaluator.id,
  };
  return ids[role];
}

async function notificationFor(userId: string): Promise<string> {
  const created = await testDb.notification.create({ data: { userId, title: "Test", body: "Une notification" }, select: { id: true } });
  return created.id;
}
