package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Port;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.systems.ContainerSettings;
import dev.shipshape.systems.KnownSystem;
import dev.shipshape.systems.KnownSystems;
import dev.shipshape.systems.Listeners;
import dev.shipshape.systems.Protection;
import dev.shipshape.systems.SettingPattern;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags a data store of the catalogue ({@code docs/known-systems.md}) that runs with authentication
 * off: switched off by a setting ({@code POSTGRES_HOST_AUTH_METHOD=trust}, {@code xpack.security.enabled=false}),
 * or left off by an image whose default is no authentication (Redis, MongoDB) when nothing turns it on,
 * or a broker listener that takes none (Kafka {@code PLAINTEXT}, directly or through the protocol map) on a
 * port the container publishes beyond the host itself (Compose {@code ports}, Kubernetes {@code hostPort};
 * a NodePort or LoadBalancer Service in front of it is not linked here). A listener only other containers reach
 * stays quiet.
 * A configuration file the command names, or one mounted where the image reads it, decides instead, and
 * the rule stays quiet. Bitnami images refuse to start without a password unless
 * {@code ALLOW_EMPTY_PASSWORD=yes}, so only that setting counts for them.
 */
public final class DatastoreWithoutAuth implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-151", "datastore-without-auth")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Data store runs with authentication off")
            .rationale("""
                    A database, cache or broker without authentication answers every client that can reach \
                    it: any compromised container on the same network, or anyone on the internet when a port \
                    is published, reads, changes or deletes the data. Unauthenticated Redis, MongoDB and \
                    Elasticsearch instances are among the most scanned-for and ransomed services.""")
            .remediation("Turn authentication on and deliver the password as a secret: Redis `--requirepass` "
                    + "(or an ACL file) with the password from a secret file; MongoDB `MONGO_INITDB_ROOT_USERNAME` and "
                    + "`MONGO_INITDB_ROOT_PASSWORD_FILE`; remove `POSTGRES_HOST_AUTH_METHOD=trust`, "
                    + "`MYSQL_ALLOW_EMPTY_PASSWORD`, `ALLOW_EMPTY_PASSWORD=yes`, `xpack.security.enabled=false`, "
                    + "`DISABLE_SECURITY_PLUGIN=true`, `KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND=true`; give a Kafka listener published "
                    + "on the host the `SASL_SSL` (or `SSL` with client certificates) protocol and keep `PLAINTEXT` for "
                    + "listeners only other containers reach; start Memcached with "
                    + "SASL (`-S`) or do not publish it. `docs/known-systems.md` lists each system's settings.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.url("OWASP Docker Security Cheat Sheet",
                            "https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html"),
                    Reference.url("Redis security", "https://redis.io/docs/latest/operate/oss_and_stack/management/security/"),
                    Reference.url("MongoDB security checklist", "https://www.mongodb.com/docs/manual/administration/security-checklist/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (container.init()) return Stream.empty();
        Optional<KnownSystems.Match> match = KnownSystems.catalogue().running(container);
        if (match.isEmpty() || !match.get().system().auth().isKnown()) return Stream.empty();
        KnownSystem system = match.get().system();
        Protection auth = system.auth();
        ContainerSettings settings = new ContainerSettings(container);
        String runs = "%s runs %s (%s)".formatted(container.description(), match.get().image().product(), container.image().value());

        Optional<ContainerSettings.Found> off = settings.findAny(auth.off());
        if (off.isPresent()) {
            return Stream.of(Finding.of(INFO, off.get().origin(),
                    "%s with authentication switched off by %s".formatted(runs, off.get().written())));
        }
        Optional<Finding> openListener = publishedOpenListener(runs, system.listeners(), settings, container);
        if (openListener.isPresent()) return openListener.stream();
        if (settings.findAny(auth.on()).isPresent() || settings.findAny(auth.unknown()).isPresent()) return Stream.empty();
        if (!auth.defaultOn().equals(Optional.of(false)) || match.get().bitnami()) return Stream.empty();
        Optional<Port> published = container.ports().stream()
                .filter(Port::isPublished)
                .filter(port -> system.ports().client().stream().anyMatch(client -> client.toString().equals(ContainerSettings.containerPortNumber(port))))
                .findFirst();
        if (auth.whenPublished() && published.isEmpty()) return Stream.empty();
        String exposure = published.map(port -> ", and publishes its port %s on the host".formatted(port.containerPort())).orElse("");
        return Stream.of(Finding.of(INFO, container.image().origin(),
                "%s without authentication: nothing sets %s%s".formatted(runs, names(auth.on()), exposure)));
    }

    /** A listener that takes no authentication (Kafka PLAINTEXT) on a port the container publishes beyond the host itself. */
    private static Optional<Finding> publishedOpenListener(String runs, Listeners listeners, ContainerSettings settings, Container container) {
        for (Listeners.Listener listener : listeners.unauthenticated(settings)) {
            Optional<Port> published = container.ports().stream()
                    .filter(port -> port.isPublished() && !onLoopbackOnly(port) && carries(port, listener.port()))
                    .findFirst();
            if (published.isEmpty()) continue;
            String protocol = listener.mappedBy() == null ? listener.protocol()
                    : "%s (by %s)".formatted(listener.protocol(), listener.mappedBy());
            String hostPort = published.get().hostPort().isEmpty() ? "an ephemeral host port" : "host port " + published.get().hostPort();
            return Optional.of(Finding.of(INFO, listener.origin(),
                    "%s with listener %s (port %d, in %s) speaking %s, which takes no authentication, published on %s".formatted(
                            runs, listener.name(), listener.port(), listener.listedBy(), protocol, hostPort)));
        }
        return Optional.empty();
    }

    private static boolean onLoopbackOnly(Port port) {
        String hostIp = port.hostIp().orElse("").strip();
        return hostIp.startsWith("127.") || hostIp.equals("::1") || hostIp.equals("[::1]") || hostIp.equalsIgnoreCase("localhost");
    }

    /** True when the port's container side is {@code number} or a range holding it. */
    private static boolean carries(Port port, int number) {
        String written = ContainerSettings.containerPortNumber(port);
        int dash = written.indexOf('-');
        try {
            if (dash < 0) return Integer.parseInt(written.strip()) == number;
            return Integer.parseInt(written.substring(0, dash).strip()) <= number && number <= Integer.parseInt(written.substring(dash + 1).strip());
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static String names(List<SettingPattern> patterns) {
        List<String> names = patterns.stream().map(SettingPattern::shortForm).distinct().limit(3).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
