/**
 * Proof: every Spring Boot snippet is compiled, each as its own source file exactly as shown (plus a
 * package line), into one real Spring Boot 3 application (tests/snippets/spring/pom.xml, versions
 * pinned by the parent), built once with Maven offline, started once, and sent each code's scenario
 * over loopback. scripts/setup.d/maven.sh fetches the dependencies beforehand.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderSnippet } from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

import { checkSnippet, freePort, nameFor, prefixFor, SNIPPET_CODES, startServer } from "./harness";

const MVN = process.env.MVN_BIN ?? "mvn";
const JAVA = process.env.JAVA_BIN ?? "java";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "snippets-spring-"));
const pkgDir = path.join(work, "src/main/java/app");
let server: ChildProcess | undefined;
let port = 0;

/** The application class, and what every app sets on every response (not part of any one snippet). */
const APP = `package app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

@SpringBootApplication
public class App {
    public static void main(String[] args) {
        SpringApplication.run(App.class, args);
    }
}

@Component
class BaselineHeaders extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        res.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(req, res);
    }
}
`;

beforeAll(async () => {
  fs.mkdirSync(pkgDir, { recursive: true });
  fs.mkdirSync(path.join(work, "src/main/resources"), { recursive: true });
  fs.copyFileSync(path.resolve("tests/snippets/spring/pom.xml"), path.join(work, "pom.xml"));
  fs.writeFileSync(
    path.join(work, "src/main/resources/application.properties"),
    "spring.mvc.problemdetails.enabled=true\nspring.main.banner-mode=off\nlogging.level.root=WARN\n",
  );
  fs.writeFileSync(path.join(pkgDir, "App.java"), APP);
  for (const code of SNIPPET_CODES) {
    const s = renderSnippet(snippetSpec(code), "spring", { prefix: prefixFor(code), name: nameFor(code) });
    fs.writeFileSync(path.join(pkgDir, `Status${code}Controller.java`), `package app;\n\n${s.text}`);
  }
  execFileSync(
    MVN,
    [
      "-o",
      "-q",
      "-B",
      "compile",
      "dependency:build-classpath",
      "-Dmdep.outputFile=cp.txt",
      "-Dmaven.compiler.failOnWarning=false",
    ],
    { cwd: work, stdio: "pipe" },
  );
  const classpath = `${path.join(work, "target/classes")}:${fs.readFileSync(path.join(work, "cp.txt"), "utf8").trim()}`;
  port = await freePort();
  server = await startServer(
    JAVA,
    [
      "-XX:TieredStopAtLevel=1",
      "-Xshare:auto",
      "-cp",
      classpath,
      "app.App",
      `--server.port=${port}`,
      "--server.address=127.0.0.1",
    ],
    { cwd: work, port, readyPath: "/c/502/healthz", timeoutMs: 120_000 },
  );
}, 300_000);

afterAll(() => {
  server?.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("Spring Boot snippets", () => {
  it.each(SNIPPET_CODES)("%i answers its scenario as HTTP requires", async (code) => {
    expect(await checkSnippet(port, code, "spring")).toEqual([]);
  });
});
