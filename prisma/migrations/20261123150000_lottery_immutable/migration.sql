-- A draw, once made, is immutable (DESIGN.md, "Verifiable stratified lottery"): the frozen list,
-- the ranked entries and the replacements are append-only, and a draw's inputs never change.
-- Only the committee's validation may be written, once. As for "AuditEvent", a migration that
-- rebuilds one of these tables must create its triggers again (tests/db/triggers.test.ts checks).

CREATE TRIGGER "LotteryFreeze_no_update" BEFORE UPDATE ON "LotteryFreeze"
BEGIN
    SELECT RAISE(ABORT, 'LotteryFreeze is immutable');
END;

CREATE TRIGGER "LotteryFreeze_no_delete" BEFORE DELETE ON "LotteryFreeze"
BEGIN
    SELECT RAISE(ABORT, 'LotteryFreeze is immutable');
END;

CREATE TRIGGER "FrozenApplicant_no_update" BEFORE UPDATE ON "FrozenApplicant"
BEGIN
    SELECT RAISE(ABORT, 'FrozenApplicant is immutable');
END;

CREATE TRIGGER "FrozenApplicant_no_delete" BEFORE DELETE ON "FrozenApplicant"
BEGIN
    SELECT RAISE(ABORT, 'FrozenApplicant is immutable');
END;

CREATE TRIGGER "LotteryEntry_no_update" BEFORE UPDATE ON "LotteryEntry"
BEGIN
    SELECT RAISE(ABORT, 'LotteryEntry is immutable');
END;

CREATE TRIGGER "LotteryEntry_no_delete" BEFORE DELETE ON "LotteryEntry"
BEGIN
    SELECT RAISE(ABORT, 'LotteryEntry is immutable');
END;

CREATE TRIGGER "LotteryReplacement_no_update" BEFORE UPDATE ON "LotteryReplacement"
BEGIN
    SELECT RAISE(ABORT, 'LotteryReplacement is immutable');
END;

CREATE TRIGGER "LotteryReplacement_no_delete" BEFORE DELETE ON "LotteryReplacement"
BEGIN
    SELECT RAISE(ABORT, 'LotteryReplacement is immutable');
END;

CREATE TRIGGER "LotteryDraw_no_delete" BEFORE DELETE ON "LotteryDraw"
BEGIN
    SELECT RAISE(ABORT, 'LotteryDraw is immutable');
END;

CREATE TRIGGER "LotteryDraw_inputs_fixed" BEFORE UPDATE ON "LotteryDraw"
WHEN NEW."seed" IS NOT OLD."seed" OR NEW."listDigest" IS NOT OLD."listDigest" OR NEW."seats" IS NOT OLD."seats"
  OR NEW."drawnAt" IS NOT OLD."drawnAt" OR NEW."freezeId" IS NOT OLD."freezeId" OR NEW."cohortId" IS NOT OLD."cohortId"
  OR NEW."missionLocaleId" IS NOT OLD."missionLocaleId" OR NEW."drawnById" IS NOT OLD."drawnById" OR NEW."id" IS NOT OLD."id"
  OR (OLD."validatedAt" IS NOT NULL AND (NEW."validatedAt" IS NOT OLD."validatedAt"
      OR NEW."validatedById" IS NOT OLD."validatedById" OR NEW."validationNote" IS NOT OLD."validationNote"))
BEGIN
    SELECT RAISE(ABORT, 'LotteryDraw is immutable: only the committee validation may be recorded, once');
END;
