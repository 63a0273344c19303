package dev.shipshape.model;

/** Resource limits as written (memory "512m"/"1Gi", CPU "0.5"/"500m", a PIDs count). */
public record Resources(Setting<String> memoryLimit, Setting<String> cpuLimit, Setting<Long> pidsLimit) {

    public static Resources unset(Origin owner) {
        return new Resources(Setting.unset(owner), Setting.unset(owner), Setting.unset(owner));
    }
}
