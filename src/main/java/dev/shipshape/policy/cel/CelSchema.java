package dev.shipshape.policy.cel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model as custom rules see it: every type, field and variable a CEL expression may use, with
 * what each means. {@link CelModel} builds the values, {@link CelEnvironment} declares these types
 * to the CEL type checker (so that a misspelt field fails at load time), and
 * {@code shipshape rules --cel-schema} prints {@link #describe()}.
 *
 * <p>Objects are CEL maps with these fields. A field marked optional is absent when the source does
 * not state it ("unknown is not false"): test it with {@code has(container.user)} or read it with a
 * default, {@code container.?user.orValue("")}. Numbers are CEL {@code int}s.
 */
public final class CelSchema {

    /** A field's CEL type. */
    public sealed interface FieldType {
        /** How the schema text writes it: {@code string}, {@code list(Mount)}, {@code map(string, string)}. */
        String display();
    }

    public enum Scalar implements FieldType {
        STRING("string"), INT("int"), BOOL("bool");

        private final String display;

        Scalar(String display) {
            this.display = display;
        }

        @Override
        public String display() {
            return display;
        }
    }

    public record ListOf(FieldType element) implements FieldType {
        @Override
        public String display() {
            return "list(" + element.display() + ")";
        }
    }

    /** A map of string keys to string values (labels, driver options, instruction flags). */
    public record StringMap() implements FieldType {
        @Override
        public String display() {
            return "map(string, string)";
        }
    }

    /** Another type of this schema, by name. */
    public record Struct(String typeName) implements FieldType {
        @Override
        public String display() {
            return typeName;
        }
    }

    public record Field(String name, FieldType type, boolean optional, String doc) {
    }

    public record Type(String name, String doc, List<Field> fields) {

        public Type {
            fields = List.copyOf(fields);
        }

        public Optional<Field> field(String fieldName) {
            return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
        }
    }

    static final String PREFIX = "shipshape.";

    private static final FieldType STRING = Scalar.STRING;
    private static final FieldType INT = Scalar.INT;
    private static final FieldType BOOL = Scalar.BOOL;
    private static final FieldType STRINGS = new ListOf(STRING);
    private static final FieldType STRING_MAP = new StringMap();

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        type("Workload", "A Compose or Swarm service, a Kubernetes workload (its pod template), or a live container.",
                required("kind", STRING, "what the source calls it: service, Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, ..."),
                required("name", STRING, "the service's or object's name"),
                optional("namespace", STRING, "the Kubernetes namespace, when the manifest states one"),
                required("source", STRING, "compose, stack, kubernetes or live-docker"),
                required("file", STRING, "the file it is defined in (a live object's description)"),
                required("line", INT, "the line of its definition (the service key, the manifest's kind:); 0 for a live object"),
                required("description", STRING, "how findings name it: \"service 'web'\", \"Deployment 'api'\""),
                optional("replicas", INT, "the replica count, when stated"),
                optional("restartPolicy", STRING, "Compose restart / deploy.restart_policy.condition, a pod's restartPolicy"),
                required("labels", STRING_MAP, "the object's labels (a repeated key: the last value)"),
                required("podLabels", STRING_MAP, "the labels its pods carry (what a Service selector matches)"),
                required("containers", new ListOf(new Struct("Container")), "its containers, init containers included"),
                required("rollout", new Struct("Rollout"), "how a new version replaces the old one"),
                required("scheduling", new Struct("Scheduling"), "where its replicas may run"),
                required("dependencies", new ListOf(new Struct("Dependency")), "Compose depends_on entries"),
                required("links", STRINGS, "Compose links and external_links entries"),
                required("extraHosts", STRINGS, "Compose extra_hosts / Kubernetes hostAliases, \"name:address\""),
                optional("serviceName", STRING, "a StatefulSet's serviceName"),
                required("claimTemplates", STRINGS, "a StatefulSet's volumeClaimTemplates names"));
        type("Container", "One container of a workload; Kubernetes pod-level settings are already merged in.",
                required("name", STRING, "the container's name (a Compose service's name)"),
                required("description", STRING, "how findings name it: \"service 'web'\", \"container 'app' in Deployment 'api'\""),
                required("init", BOOL, "true for a Kubernetes init container"),
                required("file", STRING, "the file it is defined in"),
                required("line", INT, "the line of its definition (the service key, the container's name:)"),
                optional("image", STRING, "the image reference as written"),
                optional("imageRef", new Struct("ImageRef"), "the image reference parsed as the Docker Engine does; absent when it does not parse"),
                optional("user", STRING, "the user as written (name or uid[:gid], runAsUser); absent: the image's USER decides"),
                optional("runAsNonRoot", BOOL, "Kubernetes runAsNonRoot"),
                optional("privileged", BOOL, "privileged mode"),
                required("capabilitiesAdded", STRINGS, "cap_add / capabilities.add, as written"),
                required("capabilitiesDropped", STRINGS, "cap_drop / capabilities.drop, as written"),
                optional("noNewPrivileges", BOOL, "true when privilege escalation is off (no-new-privileges, allowPrivilegeEscalation: false)"),
                optional("readOnlyRootFilesystem", BOOL, "read_only / readOnlyRootFilesystem"),
                required("securityOptions", new ListOf(new Struct("SecurityOption")), "seccomp, AppArmor and SELinux settings"),
                required("mounts", new ListOf(new Struct("Mount")), "what is mounted into it"),
                optional("networkMode", STRING, "host, none, bridge, container:NAME, service:NAME or a network name"),
                required("networks", STRINGS, "the networks it joins"),
                optional("pidMode", STRING, "host or container:NAME"),
                optional("ipcMode", STRING, "host, shareable, container:NAME, ..."),
                optional("utsMode", STRING, "host"),
                optional("usernsMode", STRING, "host (userns_mode, --userns) or private (Kubernetes hostUsers: false)"),
                optional("cgroupnsMode", STRING, "host or private (Compose cgroup, --cgroupns)"),
                required("volumesFrom", STRINGS, "volumes_from / --volumes-from entries, as written"),
                required("ports", new ListOf(new Struct("Port")), "its ports, published or not"),
                required("env", new ListOf(new Struct("EnvVar")), "its environment variables"),
                required("devices", STRINGS, "host devices mapped in, as written"),
                required("deviceCgroupRules", STRINGS, "device cgroup rules granted (\"c 1:3 rwm\"), as written"),
                required("probes", new ListOf(new Struct("Probe")), "its health check or probes"),
                required("resources", new Struct("Resources"), "its resource limits"),
                optional("builtFrom", new Struct("Image"), "the Dockerfile its image is built from, when the scan has it"));
        type("ImageRef", "An image reference, normalized: nginx is docker.io/library/nginx.",
                required("registry", STRING, "docker.io when none is written"),
                required("repository", STRING, "library/nginx for an official Docker Hub image"),
                required("name", STRING, "registry/repository"),
                required("familiarName", STRING, "the name as people write it: nginx, bitnami/redis, ghcr.io/org/app"),
                optional("tag", STRING, "the tag, when written"),
                optional("digest", STRING, "the digest (sha256:...), when written"));
        type("SecurityOption", "A seccomp or AppArmor profile or an SELinux label option.",
                required("kind", STRING, "seccomp, apparmor, selinux, no-new-privileges, system-paths or other"),
                required("value", STRING, "the value as written (unconfined, disable, a profile name)"),
                required("unconfined", BOOL, "true when it switches the protection off"));
        type("Mount", "Something mounted into a container.",
                required("type", STRING, "bind, volume, tmpfs, host-path, empty-dir, claim, secret, config or other"),
                optional("source", STRING, "the host path, volume or claim name; absent for an anonymous volume"),
                required("target", STRING, "the path inside the container"),
                optional("readOnly", BOOL, "true for a read-only mount; absent means read-write"),
                optional("sizeLimit", STRING, "a tmpfs size / emptyDir sizeLimit as written"),
                required("hostPath", BOOL, "true for bind and hostPath mounts"));
        type("Port", "A container port, published on the host or not.",
                required("containerPort", STRING, "the port or range inside the container"),
                required("protocol", STRING, "tcp, udp or sctp"),
                required("published", BOOL, "true when published on the host"),
                optional("hostPort", STRING, "the published host port or range; \"\" for an ephemeral port"),
                optional("hostIp", STRING, "the host interface; absent means every interface"),
                optional("name", STRING, "a Kubernetes port's name"));
        type("EnvVar", "An environment variable, or a Dockerfile ENV or ARG.",
                required("name", STRING, "the variable's name"),
                optional("value", STRING, "the literal value; absent when it comes from elsewhere or is not given"),
                required("source", STRING, "literal, secret (a secret store) or reference (configMapKeyRef, fieldRef, the shell)"),
                required("interpolated", BOOL, "true when the written value came from a variable (${DB_PASSWORD})"));
        type("Probe", "A health check or a Kubernetes probe.",
                required("kind", STRING, "healthcheck, readiness, liveness or startup"),
                required("disabled", BOOL, "true for HEALTHCHECK NONE, disable: true or test: [NONE]"));
        type("Resources", "Resource limits as written.",
                optional("memoryLimit", STRING, "512m, 1Gi, ..."),
                optional("cpuLimit", STRING, "0.5, 500m, ..."),
                optional("pidsLimit", INT, "the PIDs limit"));
        type("Rollout", "How a workload's new version replaces the old one.",
                optional("strategy", STRING, "RollingUpdate, Recreate, OnDelete; \"rolling\" for a Swarm update_config"),
                optional("maxUnavailable", STRING, "Kubernetes rollingUpdate.maxUnavailable"),
                optional("order", STRING, "Swarm update_config.order: stop-first or start-first"),
                optional("failureAction", STRING, "Swarm update_config.failure_action: pause, continue or rollback"));
        type("Scheduling", "Where a workload's replicas may run.",
                optional("mode", STRING, "Swarm deploy.mode: replicated or global"),
                required("podAntiAffinity", BOOL, "Kubernetes affinity.podAntiAffinity is written"),
                required("topologySpread", BOOL, "Kubernetes topologySpreadConstraints has entries"),
                required("placementPreferences", STRINGS, "Swarm placement preferences (\"spread=node.labels.zone\")"),
                required("placementConstraints", STRINGS, "Swarm placement constraints, Kubernetes nodeSelector (\"key=value\")"));
        type("Dependency", "A Compose depends_on entry.",
                required("service", STRING, "the service depended on"),
                optional("condition", STRING, "service_started, service_healthy or service_completed_successfully"));
        type("Image", "A Dockerfile and what its final stage leaves in the image.",
                required("file", STRING, "the Dockerfile"),
                required("line", INT, "the line of the last FROM"),
                required("baseImage", STRING, "the final stage's FROM image as written"),
                optional("user", STRING, "the last USER of the final stage"),
                optional("healthcheck", new Struct("Probe"), "the last HEALTHCHECK of the final stage"),
                required("exposedPorts", STRINGS, "EXPOSE entries of the final stage"),
                required("volumes", STRINGS, "VOLUME entries of the final stage"),
                required("labels", STRING_MAP, "LABELs of the final stage (a repeated key: the last value)"),
                required("env", new ListOf(new Struct("EnvVar")), "ENV entries of the final stage"),
                required("args", new ListOf(new Struct("EnvVar")), "ARG entries of the final stage"),
                required("globalArgs", new ListOf(new Struct("EnvVar")), "ARGs before the first FROM"),
                required("stages", new ListOf(new Struct("Stage")), "every build stage, in order"));
        type("Stage", "One build stage: a FROM and the instructions up to the next FROM.",
                required("index", INT, "0 for the first stage"),
                optional("name", STRING, "the AS name"),
                required("baseImage", STRING, "the FROM image as written"),
                required("line", INT, "the line of its FROM"),
                required("instructions", new ListOf(new Struct("Instruction")), "its instructions after FROM"));
        type("Instruction", "One Dockerfile instruction, line continuations joined.",
                required("keyword", STRING, "upper case: RUN, USER, COPY, ..."),
                required("arguments", STRING, "the text after the keyword and its flags"),
                optional("execForm", STRINGS, "the JSON array form's elements; absent for the shell form"),
                required("flags", STRING_MAP, "--from=build, --chown=... without the dashes"),
                required("onbuild", BOOL, "true for an ONBUILD trigger"),
                required("line", INT, "the line of its keyword"));
        type("Network", "A network declared by a Compose or stack file.",
                required("name", STRING, "its key under networks:"),
                required("source", STRING, "compose, stack or live-docker"),
                required("file", STRING, "the file it is declared in"),
                required("line", INT, "the line of its name"),
                optional("driver", STRING, "bridge, overlay, macvlan, ...; absent: the platform default"),
                required("driverOptions", STRING_MAP, "driver_opts"),
                required("external", BOOL, "declared elsewhere"),
                optional("internal", BOOL, "internal: true cuts it off from outside"));
        type("Volume", "A named volume declared by a Compose or stack file.",
                required("name", STRING, "its key under volumes:"),
                required("source", STRING, "compose, stack or live-docker"),
                required("file", STRING, "the file it is declared in"),
                required("line", INT, "the line of its name"),
                optional("driver", STRING, "local, nfs, ...; absent: local"),
                required("driverOptions", STRING_MAP, "driver_opts"),
                required("external", BOOL, "declared elsewhere"));
        type("Daemon", "The Docker daemon's configuration (daemon.json).",
                required("file", STRING, "the daemon.json"),
                required("line", INT, "the line of its opening brace"),
                required("hosts", STRINGS, "hosts: the sockets and addresses it listens on"),
                optional("tls", BOOL, "tls"),
                optional("tlsVerify", BOOL, "tlsverify"),
                optional("usernsRemap", STRING, "userns-remap"),
                optional("icc", BOOL, "icc (inter-container communication)"),
                optional("noNewPrivileges", BOOL, "no-new-privileges"),
                optional("liveRestore", BOOL, "live-restore"),
                required("authorizationPlugins", STRINGS, "authorization-plugins"));
    }

    private CelSchema() {
    }

    private static void type(String name, String doc, Field... fields) {
        TYPES.put(name, new Type(name, doc, List.of(fields)));
    }

    private static Field required(String name, FieldType type, String doc) {
        return new Field(name, type, false, doc);
    }

    private static Field optional(String name, FieldType type, String doc) {
        return new Field(name, type, true, doc);
    }

    public static List<Type> types() {
        return List.copyOf(TYPES.values());
    }

    public static Optional<Type> type(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** The schema as {@code shipshape rules --cel-schema} prints it. */
    public static String describe() {
        StringBuilder text = new StringBuilder();
        text.append("""
                Custom rules: the CEL schema

                A custom rule (in .shipshape.yaml under rules:, or in .shipshape/rules/*.yaml beside it) is a
                CEL expression that must be true for every object its `match` selects; where it is false, the
                rule reports a finding at the object. Its message may use {{expressions}} over the same
                variables, e.g. "{{workload.description}} has no team label".

                Variables by match:
                """);
        int width = 0;
        for (Match match : Match.values()) width = Math.max(width, match.key().length());
        for (Match match : Match.values()) {
            text.append("  ").append(pad(match.key(), width)).append("  ").append(match.variablesText()).append('\n');
        }
        text.append("""

                A field marked ? is absent when the source does not state it (unknown is not false): test it
                with has(container.user), or give a default with container.?user.orValue("root").
                Besides the standard CEL functions and macros (has, all, exists, exists_one, map, filter,
                size, in, startsWith, endsWith, contains, matches), the strings extension (lowerAscii,
                split, replace, ...) and optional values (x.?field, orValue) are available.
                """);
        for (Type type : TYPES.values()) {
            text.append('\n').append(type.name()).append(": ").append(type.doc()).append('\n');
            int nameWidth = 0;
            int typeWidth = 0;
            for (Field field : type.fields()) {
                nameWidth = Math.max(nameWidth, field.name().length() + 1);
                typeWidth = Math.max(typeWidth, field.type().display().length());
            }
            for (Field field : type.fields()) {
                text.append("  ").append(pad(field.name() + (field.optional() ? "?" : ""), nameWidth))
                        .append("  ").append(pad(field.type().display(), typeWidth))
                        .append("  ").append(field.doc()).append('\n');
            }
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
