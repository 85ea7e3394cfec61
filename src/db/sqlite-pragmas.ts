/** What every connection to the SQLite file sets, the app's and the group-commit thread's:
 * FULL sync (a commit is on the disk before it is acknowledged, see tuneSqlite) and foreign keys. */
export const SQLITE_CONNECTION_PRAGMAS = ["synchronous = FULL", "foreign_keys = ON"] as const;

/** How long (ms) a writer waits for SQLite's write lock before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
