package dev.shipshape.systems;

import java.util.List;
import java.util.stream.Collectors;

/** Renders the catalogue as {@code docs/known-systems.md}: what shipshape knows about each system, from the data the rules use. */
public final class KnownSystemsDoc {

    public static final String REGENERATE_COMMAND =
            "./mvnw -B -ntp -o -q test -Dtest=KnownSystemsDocTest -Dshipshape.updateDocs=true";

    private final KnownSystems catalogue;

    public KnownSystemsDoc(KnownSystems catalogue) {
        this.catalogue = catalogue;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("<!-- AUTO-GENERATED from src/main/resources").append(CatalogueReader.RESOURCE)
                .append(": edit that file, then run ").append(REGENERATE_COMMAND).append(" -->\n\n");
        out.append("# Known systems\n\n");
        out.append("""
                What shipshape knows about the systems a container platform is built from: their images and \
                where they keep data (`stateful-without-volume`, `statefulset-without-claims`, `single-replica`, \
                `missing-update-strategy`), the settings that switch authentication, TLS and encryption on or off \
                (`datastore-without-auth`, `discovery-store-without-tls`, `overlay-without-encryption`), how their \
                clusters are sized (`consensus-quorum-unsafe`), their admin interfaces (`insecure-admin-interface`), \
                and the shared storage and secret stores that count as the fix. An image is recognised by the last \
                component of its name (any registry, namespace and tag), or its last two where listed so.

                A setting is found in the container's environment, its command and arguments (Compose `entrypoint` \
                and `command`, Kubernetes `command` and `args`, a live container's entrypoint and cmd, each split at white space, so `sh -c "…"` is read \
                too), its mounts or its published ports. Settings under **unknown** hand the decision to a \
                configuration file shipshape does not read, and the rule then stays quiet. Bitnami images refuse to \
                start without a password unless `ALLOW_EMPTY_PASSWORD=yes`, so for them only that setting counts.

                """);
        out.append("## Systems\n\n");
        out.append("| system | role | images → data paths | ports |\n|---|---|---|---|\n");
        for (KnownSystem system : catalogue.systems()) {
            out.append("| ").append(system.product()).append(" | ").append(system.role().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(images(system)).append(" | ").append(ports(system.ports())).append(" |\n");
        }
        out.append('\n');
        for (KnownSystem system : catalogue.systems()) {
            if (!system.auth().isKnown() && !system.tls().isKnown() && system.tls().on().isEmpty()
                    && system.encryption().on().isEmpty() && !system.cluster().isKnown() && system.dataPathVariable() == null
                    && system.statelessWhen().isEmpty() && !system.listeners().isKnown()) continue;
            out.append("### ").append(system.product()).append("\n\n");
            if (system.dataPathVariable() != null) {
                out.append("- data directory moved by: `").append(system.dataPathVariable()).append("`\n");
            }
            if (!system.statelessWhen().isEmpty()) {
                out.append("- keeps no data (a pure cache) when all of: ").append(list(system.statelessWhen())).append('\n');
            }
            protection(out, "authentication", system.auth());
            protection(out, "TLS", system.tls());
            protection(out, "encryption", system.encryption());
            Listeners listeners = system.listeners();
            if (listeners.isKnown()) {
                out.append("- listeners: ").append(list(listeners.bound())).append("; else the advertised ones: ")
                        .append(list(listeners.advertised())).append("; protocols mapped by: ").append(list(listeners.protocolMap()))
                        .append("; a listener speaking ").append(String.join(" or ", listeners.unauthenticated().stream().map(p -> "`" + p + "`").toList()))
                        .append(" on a published port is authentication off\n");
            }
            Cluster cluster = system.cluster();
            if (cluster.isKnown()) {
                if (!cluster.members().isEmpty()) out.append("- cluster members listed by: ").append(list(cluster.members())).append('\n');
                if (!cluster.expect().isEmpty()) out.append("- member count expected by: ").append(list(cluster.expect())).append('\n');
                if (!cluster.serverWhen().isEmpty()) out.append("- a voting member when: ").append(list(cluster.serverWhen())).append('\n');
            }
            out.append('\n');
        }
        out.append("## Admin and debug interfaces\n\n| interface | images | on when | unless |\n|---|---|---|---|\n");
        for (AdminInterface admin : catalogue.adminInterfaces()) {
            out.append("| ").append(admin.name()).append(" | ")
                    .append(admin.images().isEmpty() ? "any" : admin.images().stream().map(i -> "`" + i + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(list(admin.when())).append(" | ")
                    .append(admin.unless().isEmpty() ? "" : list(admin.unless())).append(" |\n");
        }
        out.append("\n## Shared storage\n\nVolume drivers (Compose, stack, live Docker) and storage provisioners "
                + "(Kubernetes StorageClasses, CSI drivers) whose data follows a container from host to host.\n\n"
                + "| storage | Docker volume drivers | Kubernetes provisioners |\n|---|---|---|\n");
        for (SharedStorage storage : catalogue.sharedStorage()) {
            out.append("| ").append(storage.name()).append(" | ").append(code(storage.drivers())).append(" | ")
                    .append(code(storage.provisioners())).append(" |\n");
        }
        out.append("\n## Secret stores\n\nWhere secrets come from instead of a container's environment; a `*_FILE` "
                + "variable pointing under one of these paths is a secret delivered as a file.\n\n"
                + "| store | paths | drivers | annotations |\n|---|---|---|---|\n");
        for (SecretStore store : catalogue.secretStores()) {
            out.append("| ").append(store.name()).append(" | ").append(code(store.mounts())).append(" | ")
                    .append(code(store.drivers())).append(" | ").append(code(store.annotations())).append(" |\n");
        }
        out.append("\n## Images that run as a non-root user\n\nImages whose own Dockerfile ends with a non-root `USER`: "
                + "`runs-as-root` does not report a container of one that sets no user of its own. A name ending in `-` covers every "
                + "image it begins; a release tag older than *since* is still reported.\n\n"
                + "| product | images | USER | since |\n|---|---|---|---|\n");
        for (NonRootImage image : catalogue.nonRootImages()) {
            out.append("| ").append(image.product()).append(" | ").append(code(image.images())).append(" | `").append(image.user())
                    .append("` | ").append(image.since().equals("0") ? "every release" : image.since()).append(" |\n");
        }
        return out.toString();
    }

    private static void protection(StringBuilder out, String what, Protection protection) {
        if (!protection.isKnown() && protection.on().isEmpty()) return;
        String qualifier = protection.whenPublished() ? " (judged only when the client port is published)"
                : protection.serverOnly() ? " (judged only on servers)" : "";
        out.append("- ").append(what).append(qualifier).append(": default **")
                .append(protection.defaultOn().map(on -> on ? "on" : "off").orElse("off unless switched on")).append("**");
        if (!protection.on().isEmpty()) out.append("; on: ").append(list(protection.on()));
        if (!protection.peerOn().isEmpty()) out.append("; on between peers: ").append(list(protection.peerOn()));
        if (!protection.off().isEmpty()) out.append("; off: ").append(list(protection.off()));
        if (!protection.unknown().isEmpty()) out.append("; unknown: ").append(list(protection.unknown()));
        out.append('\n');
    }

    private static String images(KnownSystem system) {
        return system.images().stream()
                .map(image -> "`" + image.name() + "`"
                        + (image.product().equals(system.product()) ? "" : " (" + image.product() + ")")
                        + (image.dataPaths().isEmpty() ? "" : " → " + code(image.dataPaths())))
                .collect(Collectors.joining("<br>"));
    }

    private static String ports(KnownSystem.Ports ports) {
        StringBuilder text = new StringBuilder();
        if (!ports.client().isEmpty()) text.append("client ").append(numbers(ports.client()));
        if (!ports.peer().isEmpty()) text.append(text.isEmpty() ? "" : "; ").append("peer ").append(numbers(ports.peer()));
        if (!ports.admin().isEmpty()) text.append(text.isEmpty() ? "" : "; ").append("admin ").append(numbers(ports.admin()));
        return text.toString();
    }

    private static String numbers(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String list(List<SettingPattern> patterns) {
        return patterns.stream().map(SettingPattern::describe).map(text -> text.replace("|", "\\|")).collect(Collectors.joining(", "));
    }

    private static String code(List<String> values) {
        return values.stream().map(value -> "`" + value + "`").collect(Collectors.joining(", "));
    }
}
