package dev.shipshape.rules.networking;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.Route;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.SingleObjectRule;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags each host an Ingress serves that no {@code tls} entry covers: a {@code tls} entry without
 * {@code hosts} covers every host, and {@code *.example.com} covers one label below example.com. A
 * rule without {@code host} is taken as covered by any {@code tls} entry (it serves the hosts the
 * certificates are for; ingress controllers then redirect those to HTTPS), and flagged only when
 * the Ingress has none. An Ingress with
 * only a default backend and no {@code tls} is flagged at its {@code kind}. HTTPRoutes are left
 * alone: their TLS is the Gateway listener's.
 */
public final class IngressWithoutTls implements SingleObjectRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-442", "ingress-without-tls")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.MEDIUM)
            .title("Ingress serves a host without TLS")
            .rationale("""
                    Without a `tls` entry the ingress controller serves the host over plain HTTP: \
                    passwords, session cookies and API tokens cross the network readable by anyone on \
                    the path, and responses can be altered on the way.""")
            .remediation("Add a `spec.tls` entry whose `hosts` list the host, with a `secretName` holding its certificate "
                    + "(cert-manager's `cert-manager.io/cluster-issuer` annotation can issue it).")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: Ingress TLS", "https://kubernetes.io/docs/concepts/services-networking/ingress/#tls"))
            .build();

    private static final String INGRESS = "Ingress";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        // at the gate mostly none: no stream pipeline is built for nothing
        if (inventory.kubernetes().routes().isEmpty()) return Stream.empty();
        return inventory.kubernetes().routes().stream()
                .filter(route -> route.kind().equals(INGRESS))
                .flatMap(IngressWithoutTls::findings);
    }

    private static Stream<Finding> findings(Route ingress) {
        if (ingress.hosts().isEmpty()) {
            return ingress.tls().isEmpty() && !ingress.backends().isEmpty()
                    ? Stream.of(Finding.of(INFO, ingress.origin(), ingress.description() + " has no tls: its default backend is served over plain HTTP"))
                    : Stream.empty();
        }
        return ingress.hosts().stream()
                .filter(host -> !covered(ingress, host))
                .map(host -> Finding.of(INFO, host.origin(), host.isSet()
                        ? "%s serves host '%s' without TLS: no tls entry lists it".formatted(ingress.description(), host.value())
                        : "%s serves every host without TLS: the rule names no host and the Ingress has no tls".formatted(ingress.description())));
    }

    private static boolean covered(Route ingress, Setting<String> host) {
        if (!host.isSet()) return !ingress.tls().isEmpty();
        return ingress.tls().stream().anyMatch(tls -> tls.hosts().isEmpty()
                || tls.hosts().stream().anyMatch(pattern -> matches(pattern, host.value())));
    }

    private static boolean matches(String pattern, String host) {
        String wanted = pattern.toLowerCase(Locale.ROOT);
        String actual = host.toLowerCase(Locale.ROOT);
        if (wanted.equals(actual)) return true;
        if (!wanted.startsWith("*.")) return false;
        Optional<String> parent = actual.contains(".") ? Optional.of(actual.substring(actual.indexOf('.'))) : Optional.empty();
        return parent.map(suffix -> suffix.equals(wanted.substring(1))).orElse(false);
    }
}
