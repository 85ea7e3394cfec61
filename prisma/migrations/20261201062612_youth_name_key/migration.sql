-- A stored duplicate key (src/features/applications/duplicates.ts, nameKeyOf): the normalised last
-- name and the birth day, indexed, so that looking for possible duplicates returns only the real
-- candidates instead of everyone born on the same days. Added in place (no table rebuild: Youth
-- keeps its rows, indexes and the other migrations' objects). It replaces the index on
-- (lastName, birthDate), which only that look-up used. The three keys (name, e-mail, phone) are
-- indexed with the Mission Locale second: a counsellor's look-up (key in [...] and missionLocaleId
-- = ...) then searches the key's index instead of scanning the whole Mission Locale.
ALTER TABLE "Youth" ADD COLUMN "nameKey" TEXT NOT NULL DEFAULT '';
DROP INDEX "Youth_lastName_birthDate_idx";
DROP INDEX "Youth_email_idx";
DROP INDEX "Youth_phone_idx";
CREATE INDEX "Youth_nameKey_missionLocaleId_idx" ON "Youth"("nameKey", "missionLocaleId");
CREATE INDEX "Youth_email_missionLocaleId_idx" ON "Youth"("email", "missionLocaleId");
CREATE INDEX "Youth_phone_missionLocaleId_idx" ON "Youth"("phone", "missionLocaleId");

-- Back-fill of the rows already there. SQLite cannot strip accents, so each last name is walked
-- character by character: an ASCII letter or digit gives itself in upper case, every other ASCII
-- character nothing; a non-ASCII character gives its image in the table below (generated from
-- normaliseName itself over all of Unicode: the 503 characters whose image is not empty,
-- e.g. 'é' → 'E', 'ß' → 'SS', 'ﬁ' → 'FI'), or nothing. normaliseName works character by
-- character, so the images put end to end give the whole name's key. The birth day is the first
-- ten characters of the stored ISO date (UTC), as the application computes it.
CREATE TEMP TABLE "NameKeyImage" ("char" TEXT NOT NULL PRIMARY KEY, "image" TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO "NameKeyImage" ("char", "image") VALUES
  ('À', 'A'), ('Á', 'A'), ('Â', 'A'), ('Ã', 'A'), ('Ä', 'A'), ('Å', 'A'), ('Ç', 'C'), ('È', 'E'), ('É', 'E'), ('Ê', 'E'),
  ('Ë', 'E'), ('Ì', 'I'), ('Í', 'I'), ('Î', 'I'), ('Ï', 'I'), ('Ñ', 'N'), ('Ò', 'O'), ('Ó', 'O'), ('Ô', 'O'), ('Õ', 'O'),
  ('Ö', 'O'), ('Ù', 'U'), ('Ú', 'U'), ('Û', 'U'), ('Ü', 'U'), ('Ý', 'Y'), ('ß', 'SS'), ('à', 'A'), ('á', 'A'), ('â', 'A'),
  ('ã', 'A'), ('ä', 'A'), ('å', 'A'), ('ç', 'C'), ('è', 'E'), ('é', 'E'), ('ê', 'E'), ('ë', 'E'), ('ì', 'I'), ('í', 'I'),
  ('î', 'I'), ('ï', 'I'), ('ñ', 'N'), ('ò', 'O'), ('ó', 'O'), ('ô', 'O'), ('õ', 'O'), ('ö', 'O'), ('ù', 'U'), ('ú', 'U'),
  ('û', 'U'), ('ü', 'U'), ('ý', 'Y'), ('ÿ', 'Y'), ('Ā', 'A'), ('ā', 'A'), ('Ă', 'A'), ('ă', 'A'), ('Ą', 'A'), ('ą', 'A'),
  ('Ć', 'C'), ('ć', 'C'), ('Ĉ', 'C'), ('ĉ', 'C'), ('Ċ', 'C'), ('ċ', 'C'), ('Č', 'C'), ('č', 'C'), ('Ď', 'D'), ('ď', 'D'),
  ('Ē', 'E'), ('ē', 'E'), ('Ĕ', 'E'), ('ĕ', 'E'), ('Ė', 'E'), ('ė', 'E'), ('Ę', 'E'), ('ę', 'E'), ('Ě', 'E'), ('ě', 'E'),
  ('Ĝ', 'G'), ('ĝ', 'G'), ('Ğ', 'G'), ('ğ', 'G'), ('Ġ', 'G'), ('ġ', 'G'), ('Ģ', 'G'), ('ģ', 'G'), ('Ĥ', 'H'), ('ĥ', 'H'),
  ('Ĩ', 'I'), ('ĩ', 'I'), ('Ī', 'I'), ('ī', 'I'), ('Ĭ', 'I'), ('ĭ', 'I'), ('Į', 'I'), ('į', 'I'), ('İ', 'I'), ('ı', 'I'),
  ('Ĵ', 'J'), ('ĵ', 'J'), ('Ķ', 'K'), ('ķ', 'K'), ('Ĺ', 'L'), ('ĺ', 'L'), ('Ļ', 'L'), ('ļ', 'L'), ('Ľ', 'L'), ('ľ', 'L'),
  ('Ń', 'N'), ('ń', 'N'), ('Ņ', 'N'), ('ņ', 'N'), ('Ň', 'N'), ('ň', 'N'), ('ŉ', 'N'), ('Ō', 'O'), ('ō', 'O'), ('Ŏ', 'O'),
  ('ŏ', 'O'), ('Ő', 'O'), ('ő', 'O'), ('Ŕ', 'R'), ('ŕ', 'R'), ('Ŗ', 'R'), ('ŗ', 'R'), ('Ř', 'R'), ('ř', 'R'), ('Ś', 'S'),
  ('ś', 'S'), ('Ŝ', 'S'), ('ŝ', 'S'), ('Ş', 'S'), ('ş', 'S'), ('Š', 'S'), ('š', 'S'), ('Ţ', 'T'), ('ţ', 'T'), ('Ť', 'T'),
  ('ť', 'T'), ('Ũ', 'U'), ('ũ', 'U'), ('Ū', 'U'), ('ū', 'U'), ('Ŭ', 'U'), ('ŭ', 'U'), ('Ů', 'U'), ('ů', 'U'), ('Ű', 'U'),
  ('ű', 'U'), ('Ų', 'U'), ('ų', 'U'), ('Ŵ', 'W'), ('ŵ', 'W'), ('Ŷ', 'Y'), ('ŷ', 'Y'), ('Ÿ', 'Y'), ('Ź', 'Z'), ('ź', 'Z'),
  ('Ż', 'Z'), ('ż', 'Z'), ('Ž', 'Z'), ('ž', 'Z'), ('ſ', 'S'), ('Ơ', 'O'), ('ơ', 'O'), ('Ư', 'U'), ('ư', 'U'), ('Ǎ', 'A'),
  ('ǎ', 'A'), ('Ǐ', 'I'), ('ǐ', 'I'), ('Ǒ', 'O'), ('ǒ', 'O'), ('Ǔ', 'U'), ('ǔ', 'U'), ('Ǖ', 'U'), ('ǖ', 'U'), ('Ǘ', 'U'),
  ('ǘ', 'U'), ('Ǚ', 'U'), ('ǚ', 'U'), ('Ǜ', 'U'), ('ǜ', 'U'), ('Ǟ', 'A'), ('ǟ', 'A'), ('Ǡ', 'A'), ('ǡ', 'A'), ('Ǧ', 'G'),
  ('ǧ', 'G'), ('Ǩ', 'K'), ('ǩ', 'K'), ('Ǫ', 'O'), ('ǫ', 'O'), ('Ǭ', 'O'), ('ǭ', 'O'), ('ǰ', 'J'), ('Ǵ', 'G'), ('ǵ', 'G'),
  ('Ǹ', 'N'), ('ǹ', 'N'), ('Ǻ', 'A'), ('ǻ', 'A'), ('Ȁ', 'A'), ('ȁ', 'A'), ('Ȃ', 'A'), ('ȃ', 'A'), ('Ȅ', 'E'), ('ȅ', 'E'),
  ('Ȇ', 'E'), ('ȇ', 'E'), ('Ȉ', 'I'), ('ȉ', 'I'), ('Ȋ', 'I'), ('ȋ', 'I'), ('Ȍ', 'O'), ('ȍ', 'O'), ('Ȏ', 'O'), ('ȏ', 'O'),
  ('Ȑ', 'R'), ('ȑ', 'R'), ('Ȓ', 'R'), ('ȓ', 'R'), ('Ȕ', 'U'), ('ȕ', 'U'), ('Ȗ', 'U'), ('ȗ', 'U'), ('Ș', 'S'), ('ș', 'S'),
  ('Ț', 'T'), ('ț', 'T'), ('Ȟ', 'H'), ('ȟ', 'H'), ('Ȧ', 'A'), ('ȧ', 'A'), ('Ȩ', 'E'), ('ȩ', 'E'), ('Ȫ', 'O'), ('ȫ', 'O'),
  ('Ȭ', 'O'), ('ȭ', 'O'), ('Ȯ', 'O'), ('ȯ', 'O'), ('Ȱ', 'O'), ('ȱ', 'O'), ('Ȳ', 'Y'), ('ȳ', 'Y'), ('Ḁ', 'A'), ('ḁ', 'A'),
  ('Ḃ', 'B'), ('ḃ', 'B'), ('Ḅ', 'B'), ('ḅ', 'B'), ('Ḇ', 'B'), ('ḇ', 'B'), ('Ḉ', 'C'), ('ḉ', 'C'), ('Ḋ', 'D'), ('ḋ', 'D'),
  ('Ḍ', 'D'), ('ḍ', 'D'), ('Ḏ', 'D'), ('ḏ', 'D'), ('Ḑ', 'D'), ('ḑ', 'D'), ('Ḓ', 'D'), ('ḓ', 'D'), ('Ḕ', 'E'), ('ḕ', 'E'),
  ('Ḗ', 'E'), ('ḗ', 'E'), ('Ḙ', 'E'), ('ḙ', 'E'), ('Ḛ', 'E'), ('ḛ', 'E'), ('Ḝ', 'E'), ('ḝ', 'E'), ('Ḟ', 'F'), ('ḟ', 'F'),
  ('Ḡ', 'G'), ('ḡ', 'G'), ('Ḣ', 'H'), ('ḣ', 'H'), ('Ḥ', 'H'), ('ḥ', 'H'), ('Ḧ', 'H'), ('ḧ', 'H'), ('Ḩ', 'H'), ('ḩ', 'H'),
  ('Ḫ', 'H'), ('ḫ', 'H'), ('Ḭ', 'I'), ('ḭ', 'I'), ('Ḯ', 'I'), ('ḯ', 'I'), ('Ḱ', 'K'), ('ḱ', 'K'), ('Ḳ', 'K'), ('ḳ', 'K'),
  ('Ḵ', 'K'), ('ḵ', 'K'), ('Ḷ', 'L'), ('ḷ', 'L'), ('Ḹ', 'L'), ('ḹ', 'L'), ('Ḻ', 'L'), ('ḻ', 'L'), ('Ḽ', 'L'), ('ḽ', 'L'),
  ('Ḿ', 'M'), ('ḿ', 'M'), ('Ṁ', 'M'), ('ṁ', 'M'), ('Ṃ', 'M'), ('ṃ', 'M'), ('Ṅ', 'N'), ('ṅ', 'N'), ('Ṇ', 'N'), ('ṇ', 'N'),
  ('Ṉ', 'N'), ('ṉ', 'N'), ('Ṋ', 'N'), ('ṋ', 'N'), ('Ṍ', 'O'), ('ṍ', 'O'), ('Ṏ', 'O'), ('ṏ', 'O'), ('Ṑ', 'O'), ('ṑ', 'O'),
  ('Ṓ', 'O'), ('ṓ', 'O'), ('Ṕ', 'P'), ('ṕ', 'P'), ('Ṗ', 'P'), ('ṗ', 'P'), ('Ṙ', 'R'), ('ṙ', 'R'), ('Ṛ', 'R'), ('ṛ', 'R'),
  ('Ṝ', 'R'), ('ṝ', 'R'), ('Ṟ', 'R'), ('ṟ', 'R'), ('Ṡ', 'S'), ('ṡ', 'S'), ('Ṣ', 'S'), ('ṣ', 'S'), ('Ṥ', 'S'), ('ṥ', 'S'),
  ('Ṧ', 'S'), ('ṧ', 'S'), ('Ṩ', 'S'), ('ṩ', 'S'), ('Ṫ', 'T'), ('ṫ', 'T'), ('Ṭ', 'T'), ('ṭ', 'T'), ('Ṯ', 'T'), ('ṯ', 'T'),
  ('Ṱ', 'T'), ('ṱ', 'T'), ('Ṳ', 'U'), ('ṳ', 'U'), ('Ṵ', 'U'), ('ṵ', 'U'), ('Ṷ', 'U'), ('ṷ', 'U'), ('Ṹ', 'U'), ('ṹ', 'U'),
  ('Ṻ', 'U'), ('ṻ', 'U'), ('Ṽ', 'V'), ('ṽ', 'V'), ('Ṿ', 'V'), ('ṿ', 'V'), ('Ẁ', 'W'), ('ẁ', 'W'), ('Ẃ', 'W'), ('ẃ', 'W'),
  ('Ẅ', 'W'), ('ẅ', 'W'), ('Ẇ', 'W'), ('ẇ', 'W'), ('Ẉ', 'W'), ('ẉ', 'W'), ('Ẋ', 'X'), ('ẋ', 'X'), ('Ẍ', 'X'), ('ẍ', 'X'),
  ('Ẏ', 'Y'), ('ẏ', 'Y'), ('Ẑ', 'Z'), ('ẑ', 'Z'), ('Ẓ', 'Z'), ('ẓ', 'Z'), ('Ẕ', 'Z'), ('ẕ', 'Z'), ('ẖ', 'H'), ('ẗ', 'T'),
  ('ẘ', 'W'), ('ẙ', 'Y'), ('ẚ', 'A'), ('ẛ', 'S'), ('Ạ', 'A'), ('ạ', 'A'), ('Ả', 'A'), ('ả', 'A'), ('Ấ', 'A'), ('ấ', 'A'),
  ('Ầ', 'A'), ('ầ', 'A'), ('Ẩ', 'A'), ('ẩ', 'A'), ('Ẫ', 'A'), ('ẫ', 'A'), ('Ậ', 'A'), ('ậ', 'A'), ('Ắ', 'A'), ('ắ', 'A'),
  ('Ằ', 'A'), ('ằ', 'A'), ('Ẳ', 'A'), ('ẳ', 'A'), ('Ẵ', 'A'), ('ẵ', 'A'), ('Ặ', 'A'), ('ặ', 'A'), ('Ẹ', 'E'), ('ẹ', 'E'),
  ('Ẻ', 'E'), ('ẻ', 'E'), ('Ẽ', 'E'), ('ẽ', 'E'), ('Ế', 'E'), ('ế', 'E'), ('Ề', 'E'), ('ề', 'E'), ('Ể', 'E'), ('ể', 'E'),
  ('Ễ', 'E'), ('ễ', 'E'), ('Ệ', 'E'), ('ệ', 'E'), ('Ỉ', 'I'), ('ỉ', 'I'), ('Ị', 'I'), ('ị', 'I'), ('Ọ', 'O'), ('ọ', 'O'),
  ('Ỏ', 'O'), ('ỏ', 'O'), ('Ố', 'O'), ('ố', 'O'), ('Ồ', 'O'), ('ồ', 'O'), ('Ổ', 'O'), ('ổ', 'O'), ('Ỗ', 'O'), ('ỗ', 'O'),
  ('Ộ', 'O'), ('ộ', 'O'), ('Ớ', 'O'), ('ớ', 'O'), ('Ờ', 'O'), ('ờ', 'O'), ('Ở', 'O'), ('ở', 'O'), ('Ỡ', 'O'), ('ỡ', 'O'),
  ('Ợ', 'O'), ('ợ', 'O'), ('Ụ', 'U'), ('ụ', 'U'), ('Ủ', 'U'), ('ủ', 'U'), ('Ứ', 'U'), ('ứ', 'U'), ('Ừ', 'U'), ('ừ', 'U'),
  ('Ử', 'U'), ('ử', 'U'), ('Ữ', 'U'), ('ữ', 'U'), ('Ự', 'U'), ('ự', 'U'), ('Ỳ', 'Y'), ('ỳ', 'Y'), ('Ỵ', 'Y'), ('ỵ', 'Y'),
  ('Ỷ', 'Y'), ('ỷ', 'Y'), ('Ỹ', 'Y'), ('ỹ', 'Y'), ('K', 'K'), ('Å', 'A'), ('ﬀ', 'FF'), ('ﬁ', 'FI'), ('ﬂ', 'FL'), ('ﬃ', 'FFI'),
  ('ﬄ', 'FFL'), ('ﬅ', 'ST'), ('ﬆ', 'ST');
CREATE TEMP TABLE "NameKeyBackfill" ("id" TEXT NOT NULL PRIMARY KEY, "key" TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO "NameKeyBackfill" ("id", "key")
WITH RECURSIVE "walk" ("id", "rest", "key") AS (
  SELECT "id", "lastName", '' FROM "Youth"
  UNION ALL
  SELECT "id", substr("rest", 2), "key" || coalesce(
    (SELECT "image" FROM "NameKeyImage" WHERE "char" = substr("rest", 1, 1)),
    CASE WHEN substr("rest", 1, 1) GLOB '[A-Za-z0-9]' THEN upper(substr("rest", 1, 1)) ELSE '' END)
  FROM "walk" WHERE "rest" <> ''
)
SELECT "id", "key" FROM "walk" WHERE "rest" = '';
UPDATE "Youth" SET "nameKey" = (SELECT "key" FROM "NameKeyBackfill" WHERE "NameKeyBackfill"."id" = "Youth"."id") || '|' || substr("birthDate", 1, 10);
DROP TABLE "NameKeyBackfill";
DROP TABLE "NameKeyImage";
