package dev.shipshape.model;

/**
 * An environment variable (or a Dockerfile ARG/ENV) as the source states it.
 *
 * @param value        the literal value after interpolation; null when the value comes from
 *                     elsewhere (a secret store, the shell, a field reference) or is not given
 * @param valueSource  where the value comes from
 * @param interpolated true when the written value was taken from a variable ({@code ${DB_PASSWORD}})
 */
public record EnvVar(String name, String value, ValueSource valueSource, boolean interpolated, Origin origin) {

    public enum ValueSource {
        /** Written in the file (or the request, or the live container's config). */
        LITERAL,
        /** From a secret store: Compose/Swarm secrets, Kubernetes secretKeyRef or secret envFrom. */
        SECRET,
        /** From another reference: configMapKeyRef, fieldRef, resourceFieldRef, a bare Compose name. */
        REFERENCE
    }

    public static EnvVar literal(String name, String value, boolean interpolated, Origin origin) {
        return new EnvVar(name, value, ValueSource.LITERAL, interpolated, origin);
    }
}
