package dev.shipshape.policy;

import dev.shipshape.model.SourceKind;

/**
 * What a finding is about, as far as the inventory tells: the object a waiver targets and a
 * baseline fingerprint names. Every field but {@code file} may be null.
 *
 * @param file      where the finding points (its origin's file, or a live object's description)
 * @param source    the kind of source the object comes from
 * @param definedIn the file the object itself is defined in (a Compose service whose Dockerfile holds the finding)
 * @param kind      "service" (Compose), a Kubernetes kind ("Deployment", "Service"), "network", "volume",
 *                  "image" (a Dockerfile), "daemon", or a live object's kind
 * @param namespace the Kubernetes namespace, when stated
 * @param name      the object's name
 * @param container the container's name, when the finding is about one container of a workload
 * @param image     that container's image reference as written
 * @param detail    for a Dockerfile: {@code stage[1]/RUN}, the stage's index and the instruction's keyword; for a
 *                  pod template inside a custom resource, its path ({@code spec.mpiReplicaSpecs.Worker.template})
 */
public record Subject(
        String file,
        SourceKind source,
        String definedIn,
        String kind,
        String namespace,
        String name,
        String container,
        String image,
        String detail) {

    /** A finding only known by its file. */
    public static Subject fileOnly(String file) {
        return new Subject(file, null, null, null, null, null, null, null, null);
    }

    /**
     * The object's identity in a fingerprint: {@code services.web}, {@code Deployment/prod/web/app}
     * (kind/namespace/name/container, the namespace empty when not stated;
     * {@code MPIJob//train(spec.mpiReplicaSpecs.Worker.template)/worker} inside a custom resource), {@code networks.front},
     * {@code stage[1]/RUN}, {@code daemon}; a live object by its kind and name, as waivers name it
     * ({@code container:web}, {@code network:front}); empty for a finding only known by its file.
     */
    public String identity() {
        if (kind == null) return "";
        if (source == SourceKind.LIVE_DOCKER) return "daemon".equals(kind) ? "daemon" : kind + ":" + name;
        boolean compose = source == SourceKind.COMPOSE || source == SourceKind.STACK;
        return switch (kind) {
            case "service" -> compose ? "services." + name : kubernetesIdentity();
            case "network" -> "networks." + name;
            case "volume" -> "volumes." + name;
            case "image" -> detail == null ? "" : detail;
            case "daemon" -> "daemon";
            default -> kubernetesIdentity();
        };
    }

    /** Two templates of one custom resource (an MPIJob's launcher and workers) are told apart by their path. */
    private String kubernetesIdentity() {
        return kind + "/" + (namespace == null ? "" : namespace) + "/" + name + (detail == null ? "" : "(" + detail + ")")
                + (container == null ? "" : "/" + container);
    }
}
