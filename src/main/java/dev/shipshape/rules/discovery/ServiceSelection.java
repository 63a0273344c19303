package dev.shipshape.rules.discovery;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.util.List;

/**
 * Which scanned Kubernetes workloads a Service sends traffic to: those in its namespace (unstated
 * means "default", on both sides) whose pod labels its non-empty selector matches. A Service
 * without a selector has its endpoints managed by hand and selects nothing here.
 */
final class ServiceSelection {

    private ServiceSelection() {
    }

    static boolean selects(ServiceEndpoint service, Workload workload) {
        return hasSelector(service)
                && workload.source() == SourceKind.KUBERNETES
                && namespace(service.namespace()).equals(namespace(workload.namespace()))
                && service.selector().matches(workload.podLabels());
    }

    static boolean hasSelector(ServiceEndpoint service) {
        return service.hasSelector() && !service.selector().isEmpty();
    }

    static List<Workload> selectedBy(ServiceEndpoint service, Inventory inventory) {
        return inventory.workloads().stream().filter(workload -> selects(service, workload)).toList();
    }

    static String namespace(String written) {
        return written == null || written.isBlank() ? "default" : written;
    }
}
