package dev.shipshape.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Finding;
import dev.shipshape.scan.ScanRequest;
import dev.shipshape.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which object a finding is about, seen through the identities a baseline records. */
class SubjectsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void markTheRepository() throws IOException {
        Files.createDirectory(dir.resolve(".git"));
    }

    @Test
    void aPodLevelSettingSharedByTwoContainersIsTwoFindingsOfTwoContainers() throws Exception {
        write("k8s.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: agent
                  namespace: ops
                spec:
                  hostPID: true
                  containers:
                    - name: collector
                      image: ghcr.io/acme/collector:1.0
                    - name: shipper
                      image: ghcr.io/acme/shipper:1.0
                """);

        assertThat(entries("host-namespace-shared")).extracting(Baseline.Entry::file, Baseline.Entry::object).containsExactly(
                tuple("k8s.yaml", "Pod/ops/agent/collector"), tuple("k8s.yaml", "Pod/ops/agent/shipper"));
    }

    @Test
    void aComposeServiceFindingInItsDockerfileIsAboutTheService() throws Exception {
        write("compose.yaml", """
                services:
                  web:
                    build: ./app
                """);
        write("app/Dockerfile", """
                FROM alpine:3.20
                RUN apk add --no-cache curl
                USER root
                """);

        assertThat(entries("runs-as-root")).extracting(Baseline.Entry::file, Baseline.Entry::object)
                .containsExactlyInAnyOrder(tuple("compose.yaml", "services.web"), tuple("app/Dockerfile", "stage[0]/USER"));

        // a finding the service's rule places in its Dockerfile, naming the service
        Subjects subjects = new Subjects(inventory());
        Origin user = Origin.at(dir.resolve("app/Dockerfile").toString(), 3, 1);
        Subject subject = subjects.of(Finding.of(BuiltInRules.byName("runs-as-root").orElseThrow().info(), user,
                "service 'web' runs as root (USER root in its Dockerfile)"));
        assertThat(subject.identity()).isEqualTo("services.web");
        assertThat(subject.file()).isEqualTo(user.source());
        assertThat(subject.definedIn()).isEqualTo(dir.resolve("compose.yaml").toString());
        assertThat(subjects.of(finding(user)).identity()).isEqualTo("stage[0]/USER");
    }

    @Test
    void aDockerfileFindingNamesItsStageAndInstruction() throws Exception {
        write("Dockerfile", """
                FROM golang:1.23 AS build
                RUN go build -o /app .
                FROM alpine:3.20
                RUN apk add curl
                USER root
                """);
        Subjects subjects = new Subjects(inventory());
        Origin run = Origin.at(dir.resolve("Dockerfile").toString(), 4, 1);
        Origin firstRun = Origin.at(dir.resolve("Dockerfile").toString(), 2, 1);

        assertThat(subjects.of(finding(run)).identity()).isEqualTo("stage[1]/RUN");
        assertThat(subjects.of(finding(firstRun)).identity()).isEqualTo("stage[0]/RUN");
        assertThat(subjects.of(finding(run)).source()).isEqualTo(SourceKind.DOCKERFILE);
    }

    @Test
    void anOriginOutsideEveryObjectIsKnownOnlyByItsFile() throws Exception {
        write("compose.yaml", """
                x-defaults: &defaults
                  restart: always
                services:
                  web:
                    image: nginx:1.27
                """);
        Subjects subjects = new Subjects(inventory());
        String file = dir.resolve("compose.yaml").toString();

        assertThat(subjects.of(finding(Origin.at(file, 2, 3)))).isEqualTo(Subject.fileOnly(file));
        assertThat(subjects.of(finding(Origin.at(file, 5, 5))).identity()).isEqualTo("services.web");
    }

    private List<Baseline.Entry> entries(String rule) throws Exception {
        return new Scanner().scan(new ScanRequest(List.of(dir), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, Optional.empty(),
                Set.of(rule), Set.of(), Map.of(), Optional.empty(), Optional.of(dir.resolve("baseline.json"))))
                .baselineToWrite().orElseThrow().entries();
    }

    private dev.shipshape.model.Inventory inventory() throws Exception {
        dev.shipshape.model.Inventory.Builder builder = dev.shipshape.model.Inventory.builder();
        for (String name : List.of("compose.yaml", "Dockerfile")) {
            Path file = dir.resolve(name);
            if (!Files.exists(file)) continue;
            SourceKind kind = name.equals("Dockerfile") ? SourceKind.DOCKERFILE : SourceKind.COMPOSE;
            builder.addAll(new dev.shipshape.scan.SourceLoader(Map.of()).load(file, file.toString(), kind).inventory());
        }
        return builder.build();
    }

    private static Finding finding(Origin origin) {
        return Finding.of(BuiltInRules.byName("runs-as-root").orElseThrow().info(), origin, "a message naming nothing");
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
