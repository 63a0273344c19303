package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The digest option, ARG defaults and the FROM lines that are not judged; the fixtures run with the defaults. */
class UnpinnedBaseImageTest {

    private static final String DIGEST = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "[{0}] by default: {1}, requiring digests: {2}")
    @CsvSource({
            "FROM node,                                  true,  true",
            "FROM node:latest,                           true,  true",
            "FROM --platform=linux/amd64 node AS build,  true,  true",
            "FROM ghcr.io/org/base:latest,               true,  true",
            "FROM localhost:5000/base,                   true,  true",
            "FROM node:22-alpine,                        false, true",
            "FROM localhost:5000/base:5000,              false, true",
            "FROM node" + DIGEST + ",                    false, false",
            "FROM node:latest" + DIGEST + ",             false, false",
            "FROM node:22" + DIGEST + ",                 false, false",
            "FROM scratch,                               false, false",
            "FROM SCRATCH,                               false, false",
            // variables without a default are filled in by the build
            "FROM ${BASE},                               false, false",
            "FROM node:${NODE_VERSION},                  false, false",
            "FROM ${REGISTRY}/node:22,                   false, false",
            // defaults are put in
            "FROM ${BASE:-node},                         true,  true",
            "FROM ${DEFAULTED},                          true,  true",
            "FROM node:${PINNED},                        false, true",
    })
    void judgesTagsDigestsAndDefaults(String from, boolean byDefault, boolean requiringDigests) {
        String dockerfile = "ARG BASE\nARG NODE_VERSION\nARG REGISTRY\nARG DEFAULTED=node:latest\nARG PINNED=22.12\n" + from + "\n";
        assertThat(Dockerfiles.findings(new UnpinnedBaseImage(), dockerfile)).hasSize(byDefault ? 1 : 0);
        assertThat(Dockerfiles.findings(new UnpinnedBaseImage(false), dockerfile)).hasSize(byDefault ? 1 : 0);
        assertThat(Dockerfiles.findings(new UnpinnedBaseImage(true), dockerfile)).hasSize(requiringDigests ? 1 : 0);
    }

    @Test
    void aFromThatNamesAnEarlierStageIsNotAnImageButALaterStagesNameIs() {
        List<Finding> findings = Dockerfiles.findings(new UnpinnedBaseImage(), """
                ARG STAGE=Build
                FROM golang:1.23 AS build
                FROM build AS test
                FROM ${STAGE}
                FROM release
                FROM alpine:3.20 AS release
                """);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.origin().line()).isEqualTo(5);
            assertThat(finding.message()).isEqualTo("FROM 'release' has no tag, so the build takes whatever 'latest' is that day");
        });
    }

    @Test
    void messagesShowTheResolvedReferenceAndTheReason() {
        List<Finding> findings = Dockerfiles.findings(new UnpinnedBaseImage(true), """
                ARG BASE=python:latest
                FROM $BASE AS deps
                FROM python:3.13-slim
                """);

        assertThat(findings).extracting(Finding::message).containsExactly(
                "FROM '$BASE' (= 'python:latest' by its ARG default) uses the 'latest' tag, which moves with every push",
                "FROM 'python:3.13-slim' is pinned by tag only; the project requires an @sha256: digest");
    }
}
