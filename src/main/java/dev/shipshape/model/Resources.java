package dev.shipshape.model;

/**
 * Resource limits as written (memory "512m"/"1Gi", CPU "0.5"/"500m", a PIDs count), and the
 * Kubernetes requests (unset for the other sources, which have none).
 */
public record Resources(Setting<String> memoryLimit, Setting<String> cpuLimit, Setting<Long> pidsLimit,
        Setting<String> memoryRequest, Setting<String> cpuRequest) {

    /** Limits only: a source without requests. */
    public Resources(Setting<String> memoryLimit, Setting<String> cpuLimit, Setting<Long> pidsLimit) {
        this(memoryLimit, cpuLimit, pidsLimit, Setting.unset(memoryLimit.origin()), Setting.unset(memoryLimit.origin()));
    }

    public static Resources unset(Origin owner) {
        return new Resources(Setting.unset(owner), Setting.unset(owner), Setting.unset(owner), Setting.unset(owner),
                Setting.unset(owner));
    }
}
