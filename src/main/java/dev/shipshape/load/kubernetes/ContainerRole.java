package dev.shipshape.load.kubernetes;

/** The three lists of a pod spec that hold containers, and how findings name their members. */
enum ContainerRole {
    INIT("initContainers", "init container", true),
    REGULAR("containers", "container", false),
    EPHEMERAL("ephemeralContainers", "ephemeral container", false);

    private final String listKey;
    private final String label;
    private final boolean init;

    ContainerRole(String listKey, String label, boolean init) {
        this.listKey = listKey;
        this.label = label;
        this.init = init;
    }

    String listKey() {
        return listKey;
    }

    /** "init container", as in "init container 'setup' in Pod 'x'". */
    String label() {
        return label;
    }

    boolean init() {
        return init;
    }
}
