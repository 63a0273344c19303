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
import dev.shipshape.systems.Protection;
import dev.shipshape.systems.SettingPattern;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags a data store of the catalogue ({@code docs/known-systems.md}) that runs with authentication
 * off: switched off by a setting ({@code POSTGRES_HOST_AUTH_METHOD=trust}, {@code xpack.security.enabled=false}),
 * or left off by an image whose default is no authentication (Redis, MongoDB) when nothing turns it on.
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
                    + "`DISABLE_SECURITY_PLUGIN=true`, `KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND=true`; start Memcached with "
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

    private static String names(List<SettingPattern> patterns) {
        List<String> names = patterns.stream().map(SettingPattern::shortForm).distinct().limit(3).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
