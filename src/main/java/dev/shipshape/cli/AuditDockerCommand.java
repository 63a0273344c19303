package dev.shipshape.cli;

import dev.shipshape.load.docker.DockerEngineLoader;
import dev.shipshape.load.docker.EngineAddress;
import dev.shipshape.load.docker.EngineUnavailable;
import dev.shipshape.load.docker.HostFiles;
import dev.shipshape.model.SourceKind;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.Coverage;
import dev.shipshape.scan.InventoryCheck;
import dev.shipshape.scan.ScanOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipshape audit docker}: reads a live Docker Engine through its API (and, on its own
 * host, the daemon's files) and reports the findings; the exit code says whether to fail.
 */
@Command(
        name = "docker",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Audit a running Docker Engine: the daemon, every container (running and stopped), their images, "
                    + "networks, volumes and, on a Swarm manager, services. Findings name the live object "
                    + "(container web (3f2a9c1b2d4e), volume data, daemon unix:///var/run/docker.sock).",
            "",
            "Run on the Docker host itself, it also reads /etc/docker/daemon.json, the socket's owner, group and "
                    + "mode, and who is in the socket's group; elsewhere it says these are not readable here.",
            "",
            "Labels ignore.shipshape.dev/<rule>=<reason> on a container or service suppress that rule for it.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FINDINGS_LINE,
            "2:usage or configuration error, or the engine cannot be audited (unreachable, permission denied, "
                    + "missing TLS certificates, an API version it does not speak)",
            ExitCodes.INTERNAL_ERROR_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # DOCKER_HOST, else unix:///var/run/docker.sock",
            "  shipshape audit docker",
            "  shipshape audit docker --host unix:///run/user/1000/docker.sock",
            "  shipshape audit docker --host tcp://10.0.0.5:2376 --tls-verify --cert-path ~/.docker/certs",
            "  shipshape audit docker --format sarif --output host.sarif --fail-on high",
        })
final class AuditDockerCommand implements Callable<Integer> {

    /** Inspects in flight at once: enough to hide the engine's per-request latency, few enough not to load it. */
    private static final int CONCURRENT_INSPECTS = 16;

    @Spec
    CommandSpec spec;

    @Option(names = {"-H", "--host"}, paramLabel = "URL",
            description = "The engine: unix:///path/to/docker.sock or tcp://host:port "
                    + "(default: DOCKER_HOST, else " + EngineAddress.DEFAULT_HOST + ").")
    String host;

    @Option(names = "--tls-verify",
            description = "Speak TLS, verify the engine with ca.pem and present cert.pem/key.pem from --cert-path "
                    + "(default: on when DOCKER_TLS_VERIFY is set).")
    Boolean tlsVerify;

    @Option(names = "--cert-path", paramLabel = "DIR",
            description = "Folder with ca.pem, cert.pem and key.pem (default: DOCKER_CERT_PATH, else ~/.docker).")
    Path certPath;

    @Option(names = "--api-version", paramLabel = "VERSION",
            description = "Speak this Engine API version, e.g. 1.41 (default: DOCKER_API_VERSION, else the engine's newest).")
    String apiVersion;

    @Mixin
    ReportOptions report;

    /** What the audit sees of the environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    /** The host's files to read; tests point it at files of their own. */
    HostFiles hostFiles = HostFiles.SYSTEM;

    @Override
    public Integer call() {
        try {
            EngineAddress address = EngineAddress.resolve(host, tlsVerify, certPath, apiVersion, environment);
            DockerEngineLoader.Audited audited = new DockerEngineLoader(hostFiles, CONCURRENT_INSPECTS).load(address);
            Coverage coverage = new Coverage(Map.of(SourceKind.LIVE_DOCKER, 1), Map.of(SourceKind.LIVE_DOCKER, 1), List.of(), 0);
            ScanOutcome outcome = InventoryCheck.check(audited.result(), report.configFile(), report.onlyRules(),
                    report.skipRules(), coverage);
            return report.deliver(outcome, spec);
        } catch (EngineUnavailable | ConfigurationException cannotAudit) {
            return ReportOptions.usageError(spec, cannotAudit.getMessage());
        } finally {
            spec.commandLine().getErr().flush();
        }
    }
}
