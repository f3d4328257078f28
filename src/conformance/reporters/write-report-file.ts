// Writes a report file under the output folder, creating folders, and says where it went.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `content` to `<outDir>/<name>` and returns the path. */
export function writeReportFile(outDir: string, name: string, content: string): string {
  const path = join(outDir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
