package dev.shipshape.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import org.junit.jupiter.api.Test;

class SuppressionCommentsTest {

    @Test
    void aCommentAboveAKeyCoversItsOwnLineAndTheKey() {
        String text = """
                services:
                  # shipshape:ignore runs-as-root the image drops to uid 101 in its entrypoint
                  web:
                    image: nginx:1.27
                """;

        assertThat(SuppressionComments.scan("compose.yaml", text, SourceKind.COMPOSE)).containsExactly(
                new Suppression("runs-as-root", "the image drops to uid 101 in its entrypoint", "compose.yaml", 2, 3,
                        Origin.at("compose.yaml", 2, 3)));
    }

    @Test
    void aCommentAtTheEndOfALineCoversThatLineAndTheNext() {
        String text = """
                services:
                  web:
                    privileged: true  # shipshape:ignore privileged-container needs /dev/kvm
                """;

        assertThat(SuppressionComments.scan("compose.yaml", text, SourceKind.COMPOSE)).containsExactly(
                new Suppression("privileged-container", "needs /dev/kvm", "compose.yaml", 3, 4, Origin.at("compose.yaml", 3, 23)));
    }

    @Test
    void stackedCommentsAllCoverTheNextLineWithContent() {
        String text = """
                spec:
                  containers:
                    # shipshape:ignore runs-as-root vendor image
                    # shipshape:ignore SS-101 needs the host's devices

                    - name: app
                """;

        assertThat(SuppressionComments.scan("pod.yaml", text, SourceKind.KUBERNETES))
                .extracting(Suppression::ruleName, Suppression::firstLine, Suppression::lastLine)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("runs-as-root", 3, 6),
                        org.assertj.core.groups.Tuple.tuple("SS-101", 4, 6));
    }

    @Test
    void ignoreFileCoversTheWholeFile() {
        String text = "# shipshape:ignore-file image-not-pinned built and pinned by CI\napiVersion: v1\nkind: Pod\n";

        assertThat(SuppressionComments.scan("pod.yaml", text, SourceKind.KUBERNETES)).containsExactly(
                new Suppression("image-not-pinned", "built and pinned by CI", "pod.yaml", 1, Suppression.WHOLE_FILE,
                        Origin.at("pod.yaml", 1, 1)));
    }

    @Test
    void keepsAMissingReasonOrRuleAsNullOrEmptyForTheScanToReport() {
        String text = "# shipshape:ignore runs-as-root\n# shipshape:ignore\nFROM alpine:3.20\n";

        assertThat(SuppressionComments.scan("Dockerfile", text, SourceKind.DOCKERFILE))
                .extracting(Suppression::ruleName, Suppression::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("runs-as-root", null),
                        org.assertj.core.groups.Tuple.tuple("", null));
    }

    @Test
    void dockerfileCommentsAreWholeLinesOnly() {
        String text = """
                FROM alpine:3.20
                RUN echo hi # shipshape:ignore runs-as-root not a comment in a Dockerfile
                  # shipshape:ignore runs-as-root the base image sets USER
                USER root
                """;

        assertThat(SuppressionComments.scan("Dockerfile", text, SourceKind.DOCKERFILE)).containsExactly(
                new Suppression("runs-as-root", "the base image sets USER", "Dockerfile", 3, 4, Origin.at("Dockerfile", 3, 3)));
    }

    @Test
    void aHashInsideAYamlValueIsNotAComment() {
        String text = "services:\n  web:\n    command: echo#shipshape:ignore runs-as-root no\n";

        assertThat(SuppressionComments.scan("compose.yaml", text, SourceKind.COMPOSE)).isEmpty();
    }

    @Test
    void lookalikeDirectivesAreNotSuppressions() {
        String text = "# shipshape:ignored runs-as-root x\n# shipshape:ignore-files runs-as-root x\n# shipshape: ignore runs-as-root spaced\n";

        assertThat(SuppressionComments.scan("compose.yaml", text, SourceKind.COMPOSE))
                .extracting(Suppression::reason).containsExactly("spaced");
    }

    @Test
    void jsonHasNoComments() {
        String text = "{\n  \"icc\": true # shipshape:ignore daemon-icc-enabled x\n}\n";

        assertThat(SuppressionComments.scan("daemon.json", text, SourceKind.DAEMON_JSON)).isEmpty();
    }

    @Test
    void aCommentOnTheLastLineCoversOnlyItself() {
        String text = "FROM alpine:3.20\n# shipshape:ignore runs-as-root trailing\n";

        assertThat(SuppressionComments.scan("Dockerfile", text, SourceKind.DOCKERFILE))
                .extracting(Suppression::firstLine, Suppression::lastLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 2));
    }
}
