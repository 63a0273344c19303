package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Container;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a pod spec's containers, each merged with what the pod states for all of them
 * (host namespaces, the pod securityContext, its volumes).
 */
final class PodSpecReader {

    private final Problems problems;
    private final SecurityContextReader securityContexts;
    private final ContainerReader containers;

    PodSpecReader(Problems problems) {
        this.problems = problems;
        this.securityContexts = new SecurityContextReader(problems);
        this.containers = new ContainerReader(problems);
    }

    /**
     * @param ownerDescription "Deployment 'web'", for the containers' descriptions
     * @param claimTemplates   the names of a StatefulSet's {@code volumeClaimTemplates}, which containers mount by name
     */
    List<Container> read(Fields spec, String ownerDescription, ProfileAnnotations annotations, List<Setting<String>> claimTemplates) {
        return read(spec, ownerDescription, annotations, claimTemplates, null);
    }

    /**
     * @param defaultName the name of a container that states none, where the kind allows that (a
     *                    Knative Service's pod template); null where a name is required
     */
    List<Container> read(Fields spec, String ownerDescription, ProfileAnnotations annotations, List<Setting<String>> claimTemplates,
            String defaultName) {
        PodContext pod = context(spec, ownerDescription, annotations, claimTemplates);
        List<Container> read = new ArrayList<>();
        for (ContainerRole role : ContainerRole.values()) {
            List<YamlNode> items = spec.list(role.listKey());
            if (role == ContainerRole.REGULAR && items.isEmpty() && !writtenAsAnotherType(spec, role.listKey())) {
                problems.warn(spec.origin(), "the pod spec of " + ownerDescription + " has no 'containers'");
            }
            for (YamlNode item : items) {
                containers.read(item, role, pod, defaultName).ifPresent(read::add);
            }
        }
        return read;
    }

    /** What the pod spec states for all its containers (also what a custom resource's single-container template states). */
    PodContext context(Fields spec, String ownerDescription, ProfileAnnotations annotations, List<Setting<String>> claimTemplates) {
        return new PodContext(ownerDescription,
                spec.bool("hostNetwork").orElse(null),
                spec.bool("hostPID").orElse(null),
                spec.bool("hostIPC").orElse(null),
                spec.bool("hostUsers").orElse(null),
                securityContexts.readPod(spec.mapping("securityContext")),
                PodVolumes.read(spec.list("volumes"), claimTemplates, problems),
                annotations);
    }

    /** True when the key holds something other than a list or null (already reported as the wrong type). */
    private static boolean writtenAsAnotherType(Fields spec, String key) {
        return spec.entry(key).map(entry -> !entry.value().isList() && !entry.value().isNull()).orElse(false);
    }
}
