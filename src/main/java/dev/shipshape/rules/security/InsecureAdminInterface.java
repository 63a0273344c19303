package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.systems.AdminInterface;
import dev.shipshape.systems.ContainerSettings;
import dev.shipshape.systems.KnownSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags admin and debug interfaces switched on without protection, as the catalogue's
 * {@code adminInterfaces} describe them ({@code docs/known-systems.md}): Traefik's insecure API, the
 * Docker API on 2375, kube-apiserver's insecure port, JMX without authentication, JDWP and Node.js
 * debuggers, the Consul UI with ACLs off, Portainer published without an admin password, a dashboard
 * that skips login. One finding per interface, at the setting that turns it on.
 */
public final class InsecureAdminInterface implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-150", "insecure-admin-interface")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Admin or debug interface enabled without protection")
            .rationale("""
                    An admin API, dashboard or debugger runs code or changes configuration on request. \
                    Without authentication, whoever reaches its port controls the service: a JDWP or JMX \
                    port runs arbitrary Java, the Docker API on 2375 starts privileged containers on the \
                    host, Traefik's insecure API and an open Consul UI rewrite routing and discovery.""")
            .remediation("Switch the interface off in production or protect it: drop `--api.insecure` and serve "
                    + "Traefik's dashboard through a router with authentication; serve the Docker API only on its "
                    + "socket or on 2376 with `--tlsverify`; set `--insecure-port=0`; set "
                    + "`com.sun.management.jmxremote.authenticate=true` with SSL; remove `-agentlib:jdwp` and "
                    + "`--inspect=0.0.0.0`; enable Consul ACLs; give Portainer `--admin-password-file` and bind "
                    + "dashboards to 127.0.0.1.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("2.6"),
                    Reference.url("Traefik: API insecure mode", "https://doc.traefik.io/traefik/operations/api/#insecure"),
                    Reference.url("Oracle: monitoring and management using JMX",
                            "https://docs.oracle.com/en/java/javase/21/management/monitoring-and-management-using-jmx-technology.html"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        ContainerSettings settings = new ContainerSettings(container);
        Optional<String> image = Optional.ofNullable(container.image().value()).flatMap(ImageReference::parse).map(KnownSystems::lastComponent);
        // a loop: every container of every request at the gate walks the whole catalogue here
        List<Finding> findings = new ArrayList<>();
        for (AdminInterface admin : KnownSystems.catalogue().adminInterfaces()) {
            if (!admin.images().isEmpty() && (image.isEmpty() || !admin.images().contains(image.get()))) continue;
            Optional<ContainerSettings.Found> on = settings.findAny(admin.when());
            if (on.isEmpty() || settings.findAny(admin.unless()).isPresent()) continue;
            findings.add(Finding.of(INFO, on.get().origin(), "%s exposes %s (%s)".formatted(container.description(), admin.name(), on.get().written())));
        }
        return findings.stream();
    }
}
