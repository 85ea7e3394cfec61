/** What the app's connection to the SQLite file sets: NORMAL sync (a commit does not wait for the
 * disk on the event loop; its caller awaits WalSync's fsync before it is acknowledged) and foreign keys. */
export const SQLITE_CONNECTION_PRAGMAS = ["synchronous = NORMAL", "foreign_keys = ON"] as const;

/** How long (ms) a writer waits for SQLite's write lock before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
