-- CreateTable
CREATE TABLE "ThrottleWindow" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "attempts" INTEGER NOT NULL,
    "endsAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ThrottleWindow_endsAt_idx" ON "ThrottleWindow"("endsAt");

