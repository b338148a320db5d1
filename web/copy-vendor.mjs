// Copies the files the web app serves from node_modules into the Python package, so that
// `protestwatch serve` needs neither node nor the internet at run time.
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "src", "protestwatch", "web", "static", "vendor");
const files = JSON.parse(readFileSync(join(here, "vendor-files.json"), "utf8"));

rmSync(target, { recursive: true, force: true });
for (const [source, destination] of Object.entries(files)) {
  const to = join(target, destination);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(join(here, "node_modules", source), to, { recursive: true });
}
console.log(`copied ${Object.keys(files).length} paths to ${target}`);
