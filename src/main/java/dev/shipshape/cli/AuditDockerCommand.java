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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            "",
            "The policy works as in scan: .shipshape.yaml (or --config) chooses rules and severities, and its waivers "
                    + "name live objects: container:NAME, service:NAME, network:NAME, volume:NAME (NAME may be a glob), "
                    + "image:REF, daemon. --write-baseline records today's findings by object name (never by id, which "
                    + "changes on every recreate); later audits with --baseline report only new ones.",
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
            "  # adopt on a running host: record today's findings, then fail only on new ones",
            "  shipshape audit docker --write-baseline host-baseline.json",
            "  shipshape audit docker --baseline host-baseline.json",
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

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report and fail only on findings that are not in this baseline file; baseline findings "
                    + "that are gone are listed as fixed.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write this audit's findings (after waivers and suppressions) to FILE as a baseline.")
    Path writeBaseline;

    /** What "today" is for waivers; tests fix it. */
    Clock clock = Clock.systemDefaultZone();

    /** What the audit sees of the environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    /** The host's files to read; tests point it at files of their own. */
    HostFiles hostFiles = HostFiles.SYSTEM;

    @Override
    public Integer call() {
        if (report.configFile().isPresent() && !Files.isRegularFile(report.configFile().get())) {
            return ReportOptions.usageError(spec, "no such configuration file: " + report.configFile().get());
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            return ReportOptions.usageError(spec, "no such baseline file: " + baseline + " (write one with --write-baseline " + baseline + ")");
        }
        try {
            EngineAddress address = EngineAddress.resolve(host, tlsVerify, certPath, apiVersion, environment);
            DockerEngineLoader.Audited audited = new DockerEngineLoader(hostFiles, CONCURRENT_INSPECTS).load(address);
            Coverage coverage = new Coverage(Map.of(SourceKind.LIVE_DOCKER, 1), Map.of(SourceKind.LIVE_DOCKER, 1), List.of(), 0);
            ScanOutcome outcome = InventoryCheck.check(audited.result(), report.configFile(), report.onlyRules(),
                    report.skipRules(), coverage,
                    new InventoryCheck.Baselines(Optional.ofNullable(baseline), Optional.ofNullable(writeBaseline)), clock);
            if (writeBaseline != null && outcome.baselineToWrite().isPresent()) {
                Optional<String> failure = BaselineFile.write(writeBaseline, outcome.baselineToWrite().get());
                if (failure.isPresent()) return ReportOptions.usageError(spec, failure.get());
                int entries = outcome.baselineToWrite().get().entries().size();
                spec.commandLine().getErr().println("shipshape: wrote " + entries + " finding" + (entries == 1 ? "" : "s")
                        + " to the baseline " + writeBaseline);
            }
            return report.deliver(outcome, spec);
        } catch (EngineUnavailable | ConfigurationException cannotAudit) {
            return ReportOptions.usageError(spec, cannotAudit.getMessage());
        } finally {
            spec.commandLine().getErr().flush();
        }
    }
}
