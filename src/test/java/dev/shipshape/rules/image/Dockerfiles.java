package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.dockerfile.DockerfileLoader;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import java.util.ArrayList;
import java.util.List;

/** Dockerfile text to the model, through the real loader, for the image rules' unit tests. */
final class Dockerfiles {

    static final String FILE = "Dockerfile";

    private Dockerfiles() {
    }

    static Image image(String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Image image = new DockerfileLoader().parse(FILE, text, diagnostics).orElseThrow();
        assertThat(diagnostics).as("diagnostics of %s", text).filteredOn(d -> d.level() != Diagnostic.Level.INFO).isEmpty();
        return image;
    }

    /** The first RUN of {@code FROM alpine:3.20} followed by {@code instruction} (which may span lines). */
    static Instruction run(String instruction) {
        return image("FROM alpine:3.20\n" + instruction + "\n").stages().getFirst().instructions().get(1);
    }

    static List<Finding> findings(ImageRule rule, String text) {
        return rule.check(image(text)).toList();
    }
}
