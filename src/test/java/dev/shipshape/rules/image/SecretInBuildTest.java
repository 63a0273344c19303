package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Image;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.security.SecretInEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which ARG and ENV entries are reported, and that none is reported by both this rule and secret-in-environment. */
class SecretInBuildTest {

    private static final String DOCKERFILE = """
            ARG REGISTRY_TOKEN=not-a-real-token
            ARG GIT_TOKEN
            FROM node:22-alpine AS build
            ARG NPM_TOKEN
            ENV BUILD_SECRET=only-in-the-build-stage
            ENV DB_PASSWORD_FILE=/run/secrets/db
            RUN npm ci
            FROM node:22-alpine
            ARG API_KEY=dev-key-123
            ARG SENTRY_AUTH_TOKEN
            ENV DB_PASSWORD=hunter2 NODE_ENV=production
            ENV GITHUB_TOKEN=$SENTRY_AUTH_TOKEN
            ENV ADMIN_PASSWORD=""
            ENV JWT_SECRET=/run/secrets/jwt
            ENV PASSWORD_MIN_LENGTH=12
            ONBUILD ARG DEPLOY_KEY_PASSWORD
            USER node
            """;

    @Test
    void reportsSecretNamedArgsAnyStageAndSecretNamedEnvWithAValueButLeavesLiteralSecretsToSecretInEnvironment() {
        List<Finding> findings = Dockerfiles.findings(new SecretInBuild(), DOCKERFILE);

        assertThat(findings).extracting(finding -> finding.origin().line() + " " + finding.message().split(" is named")[0])
                .containsExactly(
                        "2 global ARG GIT_TOKEN",
                        "4 ARG NPM_TOKEN in stage 'build'",
                        "5 ENV BUILD_SECRET in stage 'build'",
                        "10 ARG SENTRY_AUTH_TOKEN in the final stage",
                        "12 ENV GITHUB_TOKEN in the final stage",
                        "16 ONBUILD ARG DEPLOY_KEY_PASSWORD in the final stage");
    }

    @Test
    void eachSecretVariableIsReportedByExactlyOneOfTheTwoRules() {
        Image image = Dockerfiles.image(DOCKERFILE);
        List<Integer> here = new SecretInBuild().check(image).map(finding -> finding.origin().line()).toList();
        List<Integer> there = new SecretInEnvironment().check(image).map(finding -> finding.origin().line()).toList();

        assertThat(there).containsExactly(1, 9, 11);
        assertThat(here).doesNotContainAnyElementsOf(there);
    }

    @Test
    void aCopiedCredentialFileIsReportedOncePerInstructionAtItsKeyword() {
        List<Finding> findings = Dockerfiles.findings(new SecretInBuild(), """
                FROM node:22-alpine AS deps
                WORKDIR /app
                COPY package.json .npmrc ./
                FROM node:22-alpine
                COPY --chown=node:node id_rsa .env.production /home/node/
                COPY --from=deps /app/node_modules ./node_modules
                ADD https://example.com/ca.pem /etc/ssl/
                COPY .env.example ./.env
                """);

        assertThat(findings).extracting(finding -> finding.origin().line() + ":" + finding.origin().column() + " " + finding.message())
                .containsExactly(
                        "3:1 COPY puts '.npmrc' (npm registry credentials) into a layer of stage 'deps', "
                                + "where it stays even if a later step deletes it",
                        "5:1 COPY puts 'id_rsa' (an SSH private key) and 1 more into a layer of the final stage, "
                                + "where it stays even if a later step deletes it");
    }

    @Test
    void aCredentialFileIsAlsoRecognizedByWhereItIsCopiedTo() {
        List<Finding> findings = Dockerfiles.findings(new SecretInBuild(), """
                FROM alpine:3.20
                COPY --chmod=400 files/deploy /root/.ssh/id_rsa
                COPY .npmrc-ci .npmrc
                COPY known_hosts /root/.ssh/
                COPY .env.example .env
                """);

        assertThat(findings).extracting(finding -> finding.origin().line() + " " + finding.message().split(" into")[0])
                .containsExactly("2 COPY puts '/root/.ssh/id_rsa' (an SSH private key)", "3 COPY puts '.npmrc' (npm registry credentials)");
    }

    @Test
    void sshAndDeployKeysPassedAsBuildArgumentsAreSecretsToo() {
        List<Finding> findings = Dockerfiles.findings(new SecretInBuild(), """
                FROM golang:1.23 AS build
                ARG SSH_KEY
                ARG GIT_DEPLOY_KEY
                ENV DEPLOY_KEY=$GIT_DEPLOY_KEY
                ARG SSH_KEY_PATH
                ARG KEY
                """);

        assertThat(findings).extracting(finding -> finding.origin().line()).containsExactly(2, 3, 4);
    }
}
