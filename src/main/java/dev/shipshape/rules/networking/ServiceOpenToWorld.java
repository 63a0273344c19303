package dev.shipshape.rules.networking;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.SingleObjectRule;
import java.util.stream.Stream;

/**
 * Flags a Service that opens its pods beyond the cluster: type LoadBalancer without
 * {@code loadBalancerSourceRanges}, type NodePort (every node's address, on every network the
 * nodes are on), and each {@code externalIPs} entry. A LoadBalancer with source ranges is judged
 * by those ranges only if one of them is {@code 0.0.0.0/0} or {@code ::/0}. A LoadBalancer that a
 * cloud annotation makes internal (AWS, Azure, Google) gets an address on the private network only,
 * so it is not judged; its externalIPs still are.
 */
public final class ServiceOpenToWorld implements SingleObjectRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-443", "service-open-to-world")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.MEDIUM)
            .title("Service is reachable from outside the cluster without limits")
            .rationale("""
                    A LoadBalancer without source ranges gets a public address open to the internet; a \
                    NodePort opens the port on every node, on every network the nodes are on, past \
                    any ingress controller, TLS or authentication in front; and externalIPs let whoever \
                    may create Services capture traffic for any address (CVE-2020-8554).""")
            .remediation("Put HTTP services behind an Ingress or Gateway and use `type: ClusterIP`; for a LoadBalancer, "
                    + "list the allowed client ranges in `spec.loadBalancerSourceRanges`, or make it internal with the cloud's "
                    + "annotation (`service.beta.kubernetes.io/aws-load-balancer-internal: \"true\"`, "
                    + "`service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"`, "
                    + "`networking.gke.io/load-balancer-type: Internal`); remove `spec.externalIPs`.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: Service types", "https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types"),
                    Reference.url("CVE-2020-8554: man in the middle using LoadBalancer or ExternalIPs",
                            "https://github.com/kubernetes/kubernetes/issues/97076"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        return inventory.services().stream().flatMap(ServiceOpenToWorld::findings);
    }

    private static Stream<Finding> findings(ServiceEndpoint service) {
        Stream<Finding> type = switch (service.type()) {
            case "LoadBalancer" -> isInternal(service) ? Stream.<Finding>empty() : service.loadBalancerSourceRanges().isEmpty()
                    ? Stream.of(Finding.of(INFO, service.typeOrigin(), service.description()
                            + " is a LoadBalancer without loadBalancerSourceRanges: it is open to any address"))
                    : service.loadBalancerSourceRanges().stream()
                            .filter(range -> range.value().strip().equals("0.0.0.0/0") || range.value().strip().equals("::/0"))
                            .map(range -> Finding.of(INFO, range.origin(), service.description()
                                    + " admits " + range.value().strip() + " to its LoadBalancer: it is open to any address"));
            case "NodePort" -> Stream.of(Finding.of(INFO, service.typeOrigin(), service.description()
                    + " is a NodePort: its port is open on every node's address"));
            default -> Stream.empty();
        };
        Stream<Finding> externalIps = service.externalIPs().stream().map(address -> Finding.of(INFO, address.origin(),
                service.description() + " claims external IP " + address.value() + ": traffic for that address is sent to its pods"));
        return Stream.concat(type, externalIps);
    }

    /** The annotations with which AWS, Azure and Google Cloud give a LoadBalancer a private address only. */
    private static boolean isInternal(ServiceEndpoint service) {
        return service.annotations().stream().anyMatch(annotation -> {
            String value = annotation.value().strip();
            return switch (annotation.key()) {
                // the in-tree AWS provider takes any value but "false" (older manifests wrote "0.0.0.0/0")
                case "service.beta.kubernetes.io/aws-load-balancer-internal" -> !value.isEmpty() && !value.equalsIgnoreCase("false");
                case "service.beta.kubernetes.io/aws-load-balancer-scheme" -> value.equals("internal");
                case "service.beta.kubernetes.io/azure-load-balancer-internal" -> value.equals("true");
                case "networking.gke.io/load-balancer-type", "cloud.google.com/load-balancer-type" -> value.equalsIgnoreCase("Internal");
                default -> false;
            };
        });
    }
}
