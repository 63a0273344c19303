package dev.shipshape.gate.differential;

import java.nio.charset.StandardCharsets;

/**
 * One request of the differential corpus, sent to the daemon byte for byte.
 *
 * @param target the request target as written on the request line; {@code {id}} stands for the
 *               container a start case starts, {@code {exec}} for the running container an exec case runs in
 * @param control a plain, hardened request the gate must allow and model exactly (so that the suite
 *               cannot pass by the gate denying everything)
 */
record DifferentialCase(String name, Kind kind, String method, String target, String body, boolean control) {

    enum Kind { CONTAINER_CREATE, CONTAINER_EXEC, CONTAINER_START, VOLUME_CREATE, SERVICE_CREATE }

    byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name;
    }
}
