// Runs first in `npm test`: if something the suite needs is missing, stop at once with the one command
// that installs it, instead of a stack trace from deep inside a proof.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const has = (cmd) => {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const missing = [];
if (!fs.existsSync(chromium)) missing.push(`Chromium at ${chromium}`);
for (const cmd of ["go", "mvn", "javac", "nginx", "redis-server", "curl"]) if (!has(cmd)) missing.push(cmd);
// The Go snippet proof uses Go 1.22 routing patterns (Debian 12's golang-go is 1.19).
const goBin = process.env.GO_BIN ?? (fs.existsSync("/usr/local/go/bin/go") ? "/usr/local/go/bin/go" : "go");
if (has(goBin)) {
  const v = /go1\.(\d+)/.exec(execFileSync(goBin, ["version"], { encoding: "utf8" }));
  if (!v || Number(v[1]) < 22) missing.push(`Go 1.22 or newer (${goBin} is older; set GO_BIN)`);
}
// The Spring Boot proof builds offline: scripts/setup.d/maven.sh fetches its dependencies once.
const m2 = `${process.env.HOME}/.m2/repository/org/springframework/boot/spring-boot-starter-web/3.5.7`;
if (!fs.existsSync(m2)) missing.push("the Spring Boot proof's Maven dependencies (~/.m2)");
if (!fs.existsSync(".venv/bin/python")) missing.push("the Python virtual environment .venv");
else if (fs.readFileSync("requirements-test.txt", "utf8") !== readOr(".venv/requirements-test.txt"))
  missing.push("an up-to-date .venv (requirements-test.txt changed)");

function readOr(p) {
  try {
    return fs.readFileSync(p, "utf8");
  } catch {
    return "";
  }
}

if (missing.length > 0) {
  console.error(
    `npm test: missing ${missing.join(", ")}.\nInstall all of it with: sudo bash scripts/setup.sh`,
  );
  process.exit(1);
}
