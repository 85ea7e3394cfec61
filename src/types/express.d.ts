import type { Logger } from "pino";
import type { Actor, Permission } from "../auth/policy.ts";
import type { AttendanceChange } from "../http/flash.ts";

declare global {
  namespace Express {
    // Set by the request logger (src/http/logger.ts): the request's id and the app's logger.
    interface Request {
      id: string;
      log: Logger;
    }

    // The signed-in person, as passport puts it on req.user.
    interface User extends Actor {
      email: string | null;
      displayName: string;
      missionLocaleName: string | null;
      drivingSchoolName: string | null;
      /** Enrolled in the second factor (TOTP): signs in with a code after the password. */
      secondFactor: boolean;
    }

    interface Locals {
      user: User | undefined;
      can: (permission: Permission) => boolean;
      csrfToken: string;
      cspNonce: string;
      currentPath: string;
      flash: string | undefined;
      attendanceChange: AttendanceChange | undefined;
      notifications?: { count: number; latest: { id: string; title: string; body: string; link: string | null; createdAt: Date }[] };
    }
  }
}

declare module "express-session" {
  interface SessionData {
    signedInAt: number;
    refreshedAt: number;
    /** The password was right, the second factor is still to come: not signed in yet. */
    pendingSignIn: { id: string; v: number; at: number };
  }
}

export {};
