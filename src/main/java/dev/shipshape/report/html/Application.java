package dev.shipshape.report.html;

import dev.shipshape.model.SourceKind;
import java.util.Set;

/**
 * What a team deploys as one: a Compose project, a Swarm stack, a Kubernetes namespace, a live
 * Docker host; and, for files that belong to none of these, a Docker host's daemon.json, an image
 * built from a Dockerfile, or a file by itself.
 *
 * @param sources the kinds of input it was read from (they decide which pillars can be judged)
 */
record Application(Kind kind, String name, Set<SourceKind> sources) {

    Application {
        sources = Set.copyOf(sources);
    }

    /** "Compose project deploy/compose.yaml", "Kubernetes namespace shop". */
    String title() {
        return kind.label + " " + name;
    }

    enum Kind {
        COMPOSE_PROJECT("Compose project"),
        STACK("Swarm stack"),
        NAMESPACE("Kubernetes namespace"),
        LIVE_HOST("live Docker host"),
        DOCKER_HOST("Docker host configuration"),
        IMAGE("image built from"),
        FILE("file");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }
}
