package dev.shipshape.cli;

import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyFile;
import dev.shipshape.policy.Waiver;
import dev.shipshape.policy.Waivers;
import dev.shipshape.report.WaiverList;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.ScanOutcome;
import dev.shipshape.scan.ScanRequest;
import dev.shipshape.scan.Scanner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shipshape waivers [PATH...]}: the waivers of {@code .shipshape.yaml} with their status;
 * given paths, it scans them to tell which waivers match nothing.
 */
@Command(
        name = "waivers",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "List the waivers of .shipshape.yaml (accepted risks, each with an owner and an end date) and their "
                    + "status: active, expiring (within " + Waiver.EXPIRING_DAYS + " days), expired (hides "
                    + "nothing any more) or unused (matches no finding: fixed, or a wrong target).",
            "",
            "Whether a waiver is unused is known only from a scan: give the PATHs the waivers are about.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK + ":the waivers were listed", ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipshape waivers                       # by date only",
            "  shipshape waivers .                     # scan . too, to find unused waivers",
            "  shipshape waivers --format json . | jq -r '.waivers[] | select(.status != \"active\") | .target'",
        })
final class WaiversCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders to scan, to find the waivers that match no finding.")
    List<Path> paths;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The policy file (default: the first .shipshape.yaml found upward from the first PATH, "
                    + "or from the current folder).")
    Path configFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = WaiversFormat.Choice.class, completionCandidates = WaiversFormat.Choice.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WaiversFormat format;

    private final Clock clock;

    WaiversCommand() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock what "today" is (tests fix it) */
    WaiversCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        List<Path> targets = paths == null ? List.of() : List.copyOf(paths);
        for (Path target : targets) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return usageError("no such file or directory: " + target);
        }
        Path start = targets.isEmpty() ? Path.of(".") : targets.getFirst();
        Optional<Path> config = Optional.ofNullable(configFile).or(() -> PolicyFile.find(start));
        if (config.isEmpty()) {
            return usageError("no " + PolicyFile.FILE_NAME + " found upward from " + start + "; give one with --config");
        }
        if (!Files.isRegularFile(config.get())) return usageError("no such configuration file: " + config.get());
        WaiverList list;
        try {
            list = targets.isEmpty() ? byDate(config.get()) : byScan(config.get(), targets);
        } catch (ConfigurationException badConfiguration) {
            return usageError(badConfiguration.getMessage());
        }
        if (list == null) return usageError("no Dockerfile, Compose, stack, Kubernetes or daemon.json file found under " + targets);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == WaiversFormat.JSON ? list.json() : list.text());
        out.flush();
        return ExitCodes.OK;
    }

    private WaiverList byDate(Path config) throws ConfigurationException {
        Policy policy = Scanner.policy(Optional.of(config), config);
        LocalDate today = LocalDate.now(clock);
        List<Waivers.Use> uses = policy.waivers().stream()
                .map(waiver -> new Waivers.Use(waiver, waiver.statusOn(today), 0))
                .toList();
        return new WaiverList(shown(config), false, uses);
    }

    /** The statuses after a scan of the paths; null when there was nothing to scan. */
    private WaiverList byScan(Path config, List<Path> targets) throws ConfigurationException {
        ScanOutcome outcome = new Scanner(clock).scan(new ScanRequest(targets, List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE,
                Optional.of(config), Set.of(), Set.of(), System.getenv()));
        if (outcome.report().coverage().filesFound() == 0) return null;
        return new WaiverList(shown(config), true, outcome.waivers());
    }

    private static String shown(Path config) {
        Path absolute = config.toAbsolutePath().normalize();
        Path workingFolder = Path.of("").toAbsolutePath();
        Path shown = absolute.startsWith(workingFolder) ? workingFolder.relativize(absolute) : config.normalize();
        return shown.toString().replace('\\', '/');
    }

    private int usageError(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("shipshape: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
