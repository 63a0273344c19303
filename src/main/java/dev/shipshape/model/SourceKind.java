package dev.shipshape.model;

/** The kinds of input a model can be loaded from; rules declare which ones they apply to. */
public enum SourceKind {
    COMPOSE("Compose file", "compose.yaml"),
    STACK("Swarm stack file", "stack.yaml"),
    KUBERNETES("Kubernetes manifest", "k8s.yaml"),
    DOCKERFILE("Dockerfile", "Dockerfile"),
    DAEMON_JSON("daemon.json", "daemon.json"),
    LIVE_DOCKER("live Docker Engine", null);

    private final String displayName;
    private final String fixtureSuffix;

    SourceKind(String displayName, String fixtureSuffix) {
        this.displayName = displayName;
        this.fixtureSuffix = fixtureSuffix;
    }

    public String displayName() {
        return displayName;
    }

    /** The suffix a rule fixture file of this kind ends with ({@code bad.compose.yaml}); null for live kinds. */
    public String fixtureSuffix() {
        return fixtureSuffix;
    }
}
