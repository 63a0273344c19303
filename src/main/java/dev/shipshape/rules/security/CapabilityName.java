package dev.shipshape.rules.security;

import java.util.Locale;

/**
 * A Linux capability name as Docker and Kubernetes accept it: in any case, with or without the
 * {@code CAP_} prefix ({@code net_admin}, {@code CAP_NET_ADMIN} and {@code NET_ADMIN} are one
 * capability). {@code ALL} stands for every capability.
 *
 * @param name upper case, without {@code CAP_}
 */
record CapabilityName(String name) {

    static final CapabilityName ALL = new CapabilityName("ALL");

    static CapabilityName of(String written) {
        String upper = written == null ? "" : written.strip().toUpperCase(Locale.ROOT);
        return new CapabilityName(upper.startsWith("CAP_") ? upper.substring("CAP_".length()) : upper);
    }

    boolean isAll() {
        return equals(ALL);
    }

    @Override
    public String toString() {
        return name;
    }
}
