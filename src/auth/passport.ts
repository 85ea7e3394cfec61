import passport from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import { z } from "zod";
import { authenticate, findSessionUser } from "../features/sign-in/service.ts";

const sessionPayload = z.object({ id: z.string(), v: z.number().int() });

/** passport-local on `email` (which also takes a youth's AUT-… reference) and `password`. */
export function configurePassport(): passport.PassportStatic {
  passport.use(
    new LocalStrategy({ usernameField: "email", passwordField: "password" }, (email, password, done) => {
      authenticate(email, password).then((user) => done(null, user ?? false), done);
    }),
  );
  // The session keeps the id and the account's sessionVersion, nothing else.
  passport.serializeUser((user, done) => {
    const version = (user as Express.User & { sessionVersion?: number }).sessionVersion ?? 0;
    done(null, { id: user.id, v: version });
  });
  passport.deserializeUser((payload: unknown, done) => {
    const parsed = sessionPayload.safeParse(payload);
    if (!parsed.success) return done(null, false);
    findSessionUser(parsed.data.id, parsed.data.v).then((user) => done(null, user ?? false), done);
  });
  return passport;
}
