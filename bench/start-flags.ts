// The Node flags `npm start` gives the server (package.json): the benchmarks start their server
// with the same ones, so that they measure what production runs.
import { readFileSync } from "node:fs";
import path from "node:path";

export function startNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, "../package.json"), "utf8")) as { scripts: { start: string } };
  return manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));
}
