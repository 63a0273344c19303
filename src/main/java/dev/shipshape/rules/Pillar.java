package dev.shipshape.rules;

/** The five things a production container setup must get right. Every rule belongs to one. */
public enum Pillar {
    SECURITY("Security"),
    STORAGE("Storage"),
    ORCHESTRATION("Orchestration"),
    NETWORKING("Networking"),
    DISCOVERY("Service discovery");

    private final String displayName;

    Pillar(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
