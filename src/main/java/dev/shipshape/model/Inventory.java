package dev.shipshape.model;

import java.util.ArrayList;
import java.util.List;

/** Everything one run sees, from every source, ready for the rules. */
public record Inventory(
        List<Workload> workloads,
        List<Image> images,
        List<Network> networks,
        List<Volume> volumes,
        List<DaemonConfig> daemons,
        List<ServiceEndpoint> services,
        List<DisruptionBudget> disruptionBudgets,
        KubernetesObjects kubernetes) {

    public Inventory {
        workloads = List.copyOf(workloads);
        images = List.copyOf(images);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        daemons = List.copyOf(daemons);
        services = List.copyOf(services);
        disruptionBudgets = List.copyOf(disruptionBudgets);
        kubernetes = kubernetes == null ? KubernetesObjects.NONE : kubernetes;
    }

    /** An inventory without Kubernetes objects other than workloads, Services and budgets. */
    public Inventory(List<Workload> workloads, List<Image> images, List<Network> networks, List<Volume> volumes,
            List<DaemonConfig> daemons, List<ServiceEndpoint> services, List<DisruptionBudget> disruptionBudgets) {
        this(workloads, images, networks, volumes, daemons, services, disruptionBudgets, KubernetesObjects.NONE);
    }

    public static Inventory empty() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of an inventory as loaders produce them. */
    public static final class Builder {
        private final List<Workload> workloads = new ArrayList<>();
        private final List<Image> images = new ArrayList<>();
        private final List<Network> networks = new ArrayList<>();
        private final List<Volume> volumes = new ArrayList<>();
        private final List<DaemonConfig> daemons = new ArrayList<>();
        private final List<ServiceEndpoint> services = new ArrayList<>();
        private final List<DisruptionBudget> disruptionBudgets = new ArrayList<>();
        private final KubernetesObjects.Builder kubernetes = KubernetesObjects.builder();

        public Builder add(Workload workload) { workloads.add(workload); return this; }
        public Builder add(Image image) { images.add(image); return this; }
        public Builder add(Network network) { networks.add(network); return this; }
        public Builder add(Volume volume) { volumes.add(volume); return this; }
        public Builder add(DaemonConfig daemon) { daemons.add(daemon); return this; }
        public Builder add(ServiceEndpoint service) { services.add(service); return this; }
        public Builder add(DisruptionBudget budget) { disruptionBudgets.add(budget); return this; }
        public Builder add(KubernetesObjects objects) { kubernetes.addAll(objects); return this; }

        public Builder addAll(Inventory other) {
            workloads.addAll(other.workloads());
            images.addAll(other.images());
            networks.addAll(other.networks());
            volumes.addAll(other.volumes());
            daemons.addAll(other.daemons());
            services.addAll(other.services());
            disruptionBudgets.addAll(other.disruptionBudgets());
            kubernetes.addAll(other.kubernetes());
            return this;
        }

        public Inventory build() {
            return new Inventory(workloads, images, networks, volumes, daemons, services, disruptionBudgets, kubernetes.build());
        }
    }
}
