package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Origin;
import dev.shipshape.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The required-labels option; the fixtures run with the defaults. */
class MissingImageLabelsTest {

    private static final String DOCKERFILE = """
            FROM alpine:3.20 AS base
            LABEL org.opencontainers.image.source="https://github.com/org/app"
            FROM base
            LABEL com.example.team=payments org.opencontainers.image.licenses=""
            """;

    @Test
    void listsEveryMissingKeyAtTheLastFromAndCountsInheritedLabelsAndEmptyValuesAsMissing() {
        List<Finding> findings = Dockerfiles.findings(new MissingImageLabels(), DOCKERFILE);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.origin()).isEqualTo(Origin.at(Dockerfiles.FILE, 3, 1));
            assertThat(finding.message()).isEqualTo("the final stage lacks the label org.opencontainers.image.licenses");
        });
    }

    @Test
    void takesTheProjectsList() {
        assertThat(new MissingImageLabels(List.of("com.example.team", "org.opencontainers.image.source")).check(Dockerfiles.image(DOCKERFILE)))
                .isEmpty();
        assertThat(new MissingImageLabels(List.of("com.example.owner", "com.example.tier")).check(Dockerfiles.image(DOCKERFILE)))
                .singleElement().extracting(Finding::message)
                .isEqualTo("the final stage lacks the labels com.example.owner, com.example.tier");
        assertThat(new MissingImageLabels(List.of()).check(Dockerfiles.image("FROM alpine:3.20\n"))).isEmpty();
    }

    @Test
    void theLastValueOfARepeatedKeyCounts() {
        String dockerfile = "FROM alpine:3.20\nLABEL a=\"\"\nLABEL a=set\nLABEL b=set\nLABEL b=\"\"\n";
        assertThat(new MissingImageLabels(List.of("a", "b")).check(Dockerfiles.image(dockerfile)))
                .singleElement().extracting(Finding::message).isEqualTo("the final stage lacks the label b");
    }
}
