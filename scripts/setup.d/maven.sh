#!/usr/bin/env bash
# Fetches, once, everything the Spring Boot snippet proof needs (tests/snippets/spring/pom.xml: the
# Spring Boot parent, spring-boot-starter-web, and the Maven plugins the proof runs), so the proof
# itself builds offline (`mvn -o`). Already-fetched artifacts are not fetched again.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java/app"
cp tests/snippets/spring/pom.xml "$work/pom.xml"
cat >"$work/src/main/java/app/App.java" <<'JAVA'
package app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class App {
    public static void main(String[] args) {
        SpringApplication.run(App.class, args);
    }
}
JAVA
# The same goals the proof runs, so every plugin they use is in the local repository afterwards.
(cd "$work" && mvn -B -q dependency:go-offline compile dependency:build-classpath -Dmdep.outputFile=cp.txt)
echo "setup: Maven dependencies for the Spring Boot proof are in ~/.m2"
