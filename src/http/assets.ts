import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";

/** A URL that carries its file's hash never changes content: browsers keep it a year without asking. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** Static files served at `url` from `dir`: all of them, or only `files` (a large vendored folder). */
type AssetFolder = { url: string; dir: string; files?: readonly string[] };

/** URL → short hash of the content, computed once at start. */
type AssetVersions = ReadonlyMap<string, string>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

export function hashAssets(folders: readonly AssetFolder[]): AssetVersions {
  const versions = new Map<string, string>();
  for (const folder of folders) {
    for (const file of folder.files ?? filesUnder(folder.dir)) {
      const hash = createHash("sha256")
        .update(readFileSync(path.join(folder.dir, file)))
        .digest("hex")
        .slice(0, 10);
      versions.set(`${folder.url}/${file.split(path.sep).join("/")}`, hash);
    }
  }
  return versions;
}

/** The view helper: `asset('/public/css/app.css')` → `/public/css/app.css?v=<hash>`; an unknown file keeps its URL. */
export function assetUrl(versions: AssetVersions): (url: string) => string {
  return (url) => {
    const version = versions.get(url);
    return version ? `${url}?v=${version}` : url;
  };
}

/** Long, immutable caching for a URL whose `v` is its file's current hash; other asset URLs keep the static default. */
export function cacheVersionedAssets(versions: AssetVersions): RequestHandler {
  return (req, res, next) => {
    const version = versions.get(req.path);
    if (version && req.query.v === version) res.setHeader("Cache-Control", IMMUTABLE);
    next();
  };
}
