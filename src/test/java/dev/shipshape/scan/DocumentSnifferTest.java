package dev.shipshape.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.scan.DocumentSniffer.Verdict;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DocumentSnifferTest {

    @Test void blockKubernetes() { assertThat(DocumentSniffer.sniff("apiVersion: v1\nkind: Pod\n")).isEqualTo(Verdict.KUBERNETES); }
    @Test void flowKubernetes() { assertThat(DocumentSniffer.sniff("{kind: Pod, apiVersion: v1}")).isEqualTo(Verdict.KUBERNETES); }
    @Test void jsonKubernetes() { assertThat(DocumentSniffer.sniff("{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}")).isEqualTo(Verdict.KUBERNETES); }
    @Test void kubernetesInALaterDocument() { assertThat(DocumentSniffer.sniff("replicas: 3\n---\n{apiVersion: v1, kind: Pod}\n")).isEqualTo(Verdict.KUBERNETES); }
    @Test void blockCompose() { assertThat(DocumentSniffer.sniff("# x\nservices:\n  web: {image: nginx}\n")).isEqualTo(Verdict.COMPOSE); }
    @Test void flowCompose() { assertThat(DocumentSniffer.sniff("{services: {web: {image: nginx}}}")).isEqualTo(Verdict.COMPOSE); }
    @Test void legacyCompose() { assertThat(DocumentSniffer.sniff("web:\n  image: nginx\n")).isEqualTo(Verdict.LEGACY_COMPOSE); }
    @Test void nestedKeysDoNotCount() { assertThat(DocumentSniffer.sniff("spec:\n  apiVersion: v1\n  kind: Pod\n  services: {a: 1}\n")).isEqualTo(Verdict.NEITHER); }
    @Test void aListOfServicesIsNotCompose() { assertThat(DocumentSniffer.sniff("services:\n  - docker:dind\n")).isEqualTo(Verdict.NEITHER); }
    @Test void kindMustBeAScalar() { assertThat(DocumentSniffer.sniff("apiVersion: v1\nkind: {a: b}\n")).isEqualTo(Verdict.NEITHER); }
    @Test void aKeyAfterASyntaxErrorIsUnreadable() { assertThat(DocumentSniffer.sniff("x: [\nservices:\n  web: {}\n")).isEqualTo(Verdict.UNREADABLE); }
    @Test void aComposeFileBrokenAfterServicesIsStillCompose() { assertThat(DocumentSniffer.sniff("services:\n  web:\n    image: [nginx\n")).isEqualTo(Verdict.COMPOSE); }

    @Test
    void aStreamLongerThanTheBudgetIsUnreadable() {
        String text = "x-pad: [" + "1, ".repeat(10_000) + "1]\nservices: {web: {}}\n";

        assertThat(DocumentSniffer.sniff(new StringReader(text), 1_000)).isEqualTo(Verdict.UNREADABLE);
        assertThat(DocumentSniffer.sniff(new StringReader(text), 100_000)).isEqualTo(Verdict.COMPOSE);
    }

    @Test
    void aliasesAreNeverExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char name = 'b'; name <= 'i'; name++) {
            bomb.append(name).append(": &").append(name).append(" [").append(("*" + (char) (name - 1) + ", ").repeat(8)).append('*').append((char) (name - 1)).append("]\n");
        }
        bomb.append("services: {web: {image: nginx}}\n");

        assertThat(DocumentSniffer.sniff(bomb.toString())).isEqualTo(Verdict.COMPOSE);
    }
}
