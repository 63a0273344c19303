package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.SecurityOption.Kind;
import dev.shipshape.model.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pod securityContext and host settings as Kubernetes applies them to each container. */
class SecurityContextMergeTest {

    private static final String FILE = "pod.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static List<Container> containers(String yaml) {
        LoadResult result = load(yaml);
        assertThat(result.diagnostics()).isEmpty();
        return result.inventory().workloads().getFirst().containers();
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    private static final String POD_AND_CONTAINER_CONTEXTS = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              securityContext:
                runAsUser: 1000
                runAsNonRoot: true
                seccompProfile:
                  type: RuntimeDefault
                seLinuxOptions:
                  level: "s0:c123,c456"
              containers:
                - name: inherits
                  image: app:1
                - name: overrides
                  image: app:1
                  securityContext:
                    runAsUser: 0
                    runAsNonRoot: false
                    seccompProfile:
                      type: Unconfined
                    seLinuxOptions:
                      type: spc_t
            """;

    @Test
    void aContainerInheritsThePodsContextWithThePodsOrigins() {
        Container inherits = containers(POD_AND_CONTAINER_CONTEXTS).get(0);

        assertThat(inherits.user()).isEqualTo(Setting.of("1000", at(7, 5)));
        assertThat(inherits.runAsNonRoot()).isEqualTo(Setting.of(true, at(8, 5)));
        assertThat(inherits.securityOptions()).containsExactly(
                new SecurityOption(Kind.SECCOMP, "runtime/default", at(10, 7)),
                new SecurityOption(Kind.SELINUX, "level:s0:c123,c456", at(12, 7)));
    }

    @Test
    void theContainersOwnContextWins() {
        Container overrides = containers(POD_AND_CONTAINER_CONTEXTS).get(1);

        assertThat(overrides.user()).isEqualTo(Setting.of("0", at(19, 9)));
        assertThat(overrides.runAsNonRoot()).isEqualTo(Setting.of(false, at(20, 9)));
        // a container's seLinuxOptions replaces the pod's as a whole
        assertThat(overrides.securityOptions()).containsExactly(
                new SecurityOption(Kind.SECCOMP, "unconfined", at(22, 11)),
                new SecurityOption(Kind.SELINUX, "type:spc_t", at(24, 11)));
        assertThat(overrides.securityOptions().getFirst().isUnconfined()).isTrue();
    }

    @Test
    void containerOnlySettingsComeFromTheContainerAsWritten() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                      securityContext:
                        privileged: false
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities:
                          add: [NET_BIND_SERVICE, "CAP_SYS_TIME"]
                          drop:
                            - ALL
                """).getFirst();

        assertThat(container.privileged()).isEqualTo(Setting.of(false, at(10, 9)));
        assertThat(container.noNewPrivileges()).isEqualTo(Setting.of(true, at(11, 9)));
        assertThat(container.readOnlyRootFilesystem()).isEqualTo(Setting.of(true, at(12, 9)));
        assertThat(container.capabilitiesAdded()).containsExactly(
                Setting.of("NET_BIND_SERVICE", at(14, 17)), Setting.of("CAP_SYS_TIME", at(14, 35)));
        assertThat(container.capabilitiesDropped()).containsExactly(Setting.of("ALL", at(16, 15)));
    }

    @Test
    void allowingPrivilegeEscalationMeansNoNewPrivilegesIsFalse() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                      securityContext:
                        allowPrivilegeEscalation: true
                """).getFirst();

        assertThat(container.noNewPrivileges()).isEqualTo(Setting.of(false, at(10, 9)));
    }

    @Test
    void unwrittenSettingsStayUnsetAtTheContainer() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                """).getFirst();

        Origin app = at(7, 7);
        assertThat(List.of(container.user(), container.runAsNonRoot(), container.privileged(), container.noNewPrivileges(),
                container.readOnlyRootFilesystem(), container.networkMode(), container.pidMode(), container.ipcMode(),
                container.utsMode())).allSatisfy(setting -> assertThat(setting).isEqualTo(Setting.unset(app)));
        assertThat(container.capabilitiesAdded()).isEmpty();
        assertThat(container.capabilitiesDropped()).isEmpty();
        assertThat(container.securityOptions()).isEmpty();
        assertThat(container.devices()).isEmpty();
    }

    @Test
    void hostNamespacesAreCopiedToEveryContainerWithThePodKeysOrigin() {
        List<Container> containers = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: node-agent
                spec:
                  hostNetwork: true
                  hostPID: true
                  hostIPC: true
                  initContainers:
                    - name: setup
                      image: setup:1
                  containers:
                    - name: agent
                      image: agent:1
                """);

        assertThat(containers).hasSize(2).allSatisfy(container -> {
            assertThat(container.networkMode()).isEqualTo(Setting.of("host", at(6, 3)));
            assertThat(container.pidMode()).isEqualTo(Setting.of("host", at(7, 3)));
            assertThat(container.ipcMode()).isEqualTo(Setting.of("host", at(8, 3)));
        });
    }

    @Test
    void hostUsersIsTheUserNamespaceModeAndProcMountUnmaskedUnmasksProc() {
        List<Container> containers = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: builder
                spec:
                  hostUsers: false
                  containers:
                    - name: build
                      image: build:1
                      securityContext:
                        procMount: Unmasked
                    - name: idle
                      image: idle:1
                """);

        assertThat(containers).allSatisfy(container -> assertThat(container.usernsMode()).isEqualTo(Setting.of("private", at(6, 3))));
        assertThat(containers.getFirst().securityOptions()).containsExactly(
                new SecurityOption(SecurityOption.Kind.SYSTEM_PATHS, "/proc (procMount: Unmasked)", at(11, 9)));
        assertThat(containers.get(1).securityOptions()).isEmpty();
        assertThat(containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                """).getFirst().usernsMode().isSet()).isFalse();
    }

    @Test
    void hostSettingsWrittenFalseLeaveTheModesUnset() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  hostNetwork: false
                  hostPID: false
                  containers:
                    - name: app
                      image: app:1
                """).getFirst();

        assertThat(container.networkMode()).isEqualTo(Setting.unset(at(9, 7)));
        assertThat(container.pidMode()).isEqualTo(Setting.unset(at(9, 7)));
    }

    @Test
    void profilesAreNamedAsTheAnnotationsNameThem() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  securityContext:
                    appArmorProfile:
                      type: Localhost
                      localhostProfile: k8s-nginx
                  containers:
                    - name: app
                      image: app:1
                      securityContext:
                        seccompProfile:
                          type: Localhost
                          localhostProfile: profiles/audit.json
                """).getFirst();

        assertThat(container.securityOptions()).containsExactly(
                new SecurityOption(Kind.SECCOMP, "localhost/profiles/audit.json", at(15, 11)),
                new SecurityOption(Kind.APPARMOR, "localhost/k8s-nginx", at(8, 7)));
        assertThat(container.securityOptions()).noneMatch(SecurityOption::isUnconfined);
    }

    @Test
    void legacyAnnotationsApplyWhenNoFieldIsWritten() {
        List<Container> containers = containers("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    metadata:
                      annotations:
                        container.apparmor.security.beta.kubernetes.io/app: unconfined
                        seccomp.security.alpha.kubernetes.io/pod: runtime/default
                        container.seccomp.security.alpha.kubernetes.io/sidecar: unconfined
                    spec:
                      containers:
                        - name: app
                          image: app:1
                        - name: sidecar
                          image: proxy:1
                          securityContext:
                            appArmorProfile:
                              type: RuntimeDefault
                """);

        assertThat(containers.get(0).securityOptions()).containsExactly(
                new SecurityOption(Kind.SECCOMP, "runtime/default", at(10, 9)),
                new SecurityOption(Kind.APPARMOR, "unconfined", at(9, 9)));
        assertThat(containers.get(1).securityOptions()).containsExactly(
                new SecurityOption(Kind.SECCOMP, "unconfined", at(11, 9)),
                new SecurityOption(Kind.APPARMOR, "runtime/default", at(20, 15)));
    }

    @Test
    void aFieldWinsOverTheLegacyAnnotation() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/app: unconfined
                spec:
                  containers:
                    - name: app
                      image: app:1
                      securityContext:
                        appArmorProfile:
                          type: RuntimeDefault
                """).getFirst();

        assertThat(container.securityOptions()).containsExactly(
                new SecurityOption(Kind.APPARMOR, "runtime/default", at(13, 11)));
    }

    @Test
    void containerOnlyKeysInThePodContextAreReportedAndIgnored() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  securityContext:
                    privileged: true
                    runAsUser: 10001
                  containers:
                    - name: app
                      image: app:1
                """);

        assertThat(result.diagnostics()).containsExactly(Diagnostic.warning(at(7, 5),
                "'privileged' is not a pod-level setting and has no effect here; set it in each container's securityContext"));
        Container container = result.inventory().workloads().getFirst().containers().getFirst();
        assertThat(container.privileged()).isEqualTo(Setting.unset(at(10, 7)));
        assertThat(container.user()).isEqualTo(Setting.of("10001", at(8, 5)));
    }
}
