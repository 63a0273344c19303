package dev.shipshape.model;

/**
 * The {@code apiVersion} a Kubernetes object is written in, whatever its kind.
 *
 * @param origin where {@code apiVersion} is written (the object's {@code kind:} when it is not)
 */
public record ApiVersionUse(String kind, String apiVersion, String name, Origin origin) {

    /** "Deployment 'web'". */
    public String description() {
        return kind + " '" + name + "'";
    }
}
