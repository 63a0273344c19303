package dev.shipshape.cli;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.KubernetesVersion;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.InputOptions;
import dev.shipshape.scan.ScanOutcome;
import dev.shipshape.scan.ScanRequest;
import dev.shipshape.scan.Scanner;
import dev.shipshape.scan.SkippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shipshape scan PATH...}: checks files and reports the findings; the exit code says whether to fail. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Check Dockerfiles, Compose and Swarm stack files, Kubernetes manifests and daemon.json files "
                    + "for what keeps them from production, and exit with 1 when something at or above "
                    + "--fail-on is found.",
            "",
            "Folders are searched recursively. A project's .shipshape.yaml chooses rules, severities and the "
                    + "failing threshold, waives accepted risks until a date, and adds the project's own rules in CEL.",
            "",
            "Each file is governed by the nearest .shipshape.yaml in its folder or above it, up to the top of its "
                    + "repository (the folder holding .git); one above the repository is never used unless --config "
                    + "names it, and --config makes one file govern everything. So a monorepo's folders keep their own "
                    + "policies, whatever the order of the PATHs. Rules across objects (a Service and the pods it "
                    + "selects, two workloads on one host port) see every file of the scan; each finding is then "
                    + "governed by the policy of the file it points at. The report names the policy files it used.",
            "",
            "An estate with known findings adopts shipshape with a baseline: --write-baseline records today's "
                    + "findings, and later scans with --baseline report (and fail on) only new ones, and list "
                    + "the recorded ones that are fixed. Findings are matched by rule, object and offending "
                    + "value, not by line, so edits elsewhere in a file do not make them new.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FINDINGS_LINE, ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_ERROR_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # everything below the current folder",
            "  shipshape scan",
            "  # chosen files and folders",
            "  shipshape scan compose.yaml k8s/ Dockerfile",
            "  # fail only for high or critical findings",
            "  shipshape scan . --fail-on high",
            "  # only medium and worse, without the fixes and summary",
            "  shipshape scan . --severity medium --quiet",
            "  # for GitHub code scanning",
            "  shipshape scan . --format sarif --output shipshape.sarif",
            "  # several reports in one run: SARIF, JUnit for the CI test tab, GitLab Code Quality, text on the terminal",
            "  shipshape scan . --format sarif=shipshape.sarif --format junit=junit.xml --format gitlab=gl-code-quality.json",
            "  # only the security and storage findings, high and critical ones",
            "  shipshape scan . --pillar security,storage --severity high,critical",
            "  # every daemon rule and nothing else; each fix under its finding",
            "  shipshape scan . --rule 'daemon-*' --verbose",
            "  # rendered manifests, from a pipe",
            "  helm template ./chart | shipshape scan - --fail-on high",
            "  # leave a rule and a folder out",
            "  shipshape scan . --skip-rule default-bridge-network --exclude 'test/**'",
            "  # Compose variables as CI sets them",
            "  shipshape scan . --env-file ci.env --env TAG=1.4.2 --strict-env",
            "  # adopt on an existing estate: record today's findings, then fail only on new ones",
            "  shipshape scan . --write-baseline .shipshape-baseline.json",
            "  shipshape scan . --baseline .shipshape-baseline.json",
        })
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders to scan (default: the current folder); - reads standard input.")
    List<Path> paths;

    @Mixin
    ReportOptions report;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths matching GLOB, e.g. 'test/**' or '**/*.generated.yaml' (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "10MiB", converter = ByteSizeConverter.class,
            description = "Skip (and report) files larger than SIZE, e.g. 500k, 10MiB, 1g; units count in 1024s "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxFileSize;

    @Option(names = "--stdin-name", paramLabel = "FILE",
            description = "The name findings give standard input (-), instead of <stdin>; its file name may say "
                    + "what it is (e.g. Dockerfile, daemon.json, stack.yml).")
    String stdinName;

    @Option(names = "--follow-symlinks",
            description = "Follow symbolic links that lead out of the scanned folders (by default they are reported "
                    + "and not followed); link loops are still caught.")
    boolean followSymlinks;

    /** Where {@code -} reads from; tests replace it. */
    Supplier<InputStream> standardInput = () -> System.in;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report and fail only on findings that are not in this baseline file; baseline findings "
                    + "that are gone are listed as fixed.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write this scan's findings (after waivers and suppressions) to FILE as a baseline "
                    + "(JSON, stable order). With --baseline as well, the report still compares with the old one.")
    Path writeBaseline;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Interpolate Compose files with the variables of FILE, as `docker compose --env-file` does "
                    + "(repeatable; a later file wins). When given, no .env file beside a Compose file is read.")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--env", paramLabel = "KEY=VALUE",
            description = "Set a Compose variable as if it were set in the shell (repeatable). Precedence, highest first: "
                    + "--env, the environment, --env-file, .env.")
    List<String> envVariables = new ArrayList<>();

    @Option(names = "--strict-env",
            description = "Make an unset required variable (${VAR:?message}) an input error, which fails the run. "
                    + "By default it is a warning and the service is judged with the value unknown.")
    boolean strictEnv;

    @Option(names = "--kubernetes-version", paramLabel = "VERSION",
            description = "The Kubernetes release the manifests must work on (1.25, v1.29): deprecated-api-version flags "
                    + "the API versions removed by then. Default: the newest release.")
    String kubernetesVersion;

    @Option(names = "--allow-empty",
            description = "Succeed when no file to scan is found (by default that is exit 2, so a wrong path "
                    + "cannot pass a build).")
    boolean allowEmpty;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> targets = paths == null || paths.isEmpty() ? List.of(Path.of(".")) : List.copyOf(paths);
        for (Path target : targets) {
            if (target.equals(ScanRequest.STANDARD_INPUT)) continue;
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return usageError("no such file or directory: " + target);
        }
        if (stdinName != null && !targets.contains(ScanRequest.STANDARD_INPUT)) {
            return usageError("--stdin-name names standard input, which is read only when - is among the paths");
        }
        if (report.configFile().isPresent() && !Files.isRegularFile(report.configFile().get())) {
            return usageError("no such configuration file: " + report.configFile().get());
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            return usageError("no such baseline file: " + baseline + " (write one with --write-baseline " + baseline + ")");
        }
        Optional<KubernetesVersion> targetVersion = Optional.empty();
        if (kubernetesVersion != null) {
            targetVersion = KubernetesVersion.parse(kubernetesVersion);
            if (targetVersion.isEmpty()) return usageError("--kubernetes-version wants a release such as 1.25, not '" + kubernetesVersion + "'");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String variable : envVariables) {
            int equals = variable.indexOf('=');
            if (equals <= 0) return usageError("--env wants KEY=VALUE, not '" + variable + "'");
            variables.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        ScanOutcome outcome;
        try {
            outcome = new Scanner().scan(request(targets, variables, targetVersion));
        } catch (ConfigurationException badConfiguration) {
            return usageError(badConfiguration.getMessage());
        }
        // A file that could not be checked, or whose kind could not be told, is reported (exit 1), not "nothing found".
        boolean inputErrors = outcome.report().coverage().skipped().stream().anyMatch(SkippedFile::unchecked)
                || outcome.report().diagnostics().stream().anyMatch(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR);
        if (outcome.report().coverage().filesFound() == 0 && !inputErrors && !allowEmpty) {
            return usageError("no Dockerfile, Compose, stack, Kubernetes or daemon.json file found under "
                    + targets.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + " (--allow-empty accepts that)");
        }
        if (outcome.baselineToWrite().isPresent() && writeBaseline != null) {
            Optional<String> failure = BaselineFile.write(writeBaseline, outcome.baselineToWrite().get());
            if (failure.isPresent()) return usageError(failure.get());
            int entries = outcome.baselineToWrite().get().entries().size();
            err.println("shipshape: wrote " + entries + " finding" + (entries == 1 ? "" : "s") + " to the baseline " + writeBaseline);
            err.flush();
        }
        return report.deliver(outcome, spec);
    }

    private ScanRequest request(List<Path> targets, Map<String, String> variables, Optional<KubernetesVersion> targetVersion) {
        return new ScanRequest(
                targets,
                excludes,
                maxFileSize,
                report.configFile(),
                report.onlyRules(),
                report.skipRules(),
                System.getenv(),
                Optional.ofNullable(baseline),
                Optional.ofNullable(writeBaseline),
                new InputOptions(followSymlinks, Optional.ofNullable(stdinName).filter(name -> !name.isBlank()), standardInput),
                new ScanRequest.ComposeOptions(envFiles, variables, strictEnv),
                targetVersion);
    }

    /** The report as the user asked to see it: findings below {@code --severity} are left out, also from the counts. */
    static Report shownAtOrAbove(Report report, Severity minimum) {
        return dev.shipshape.report.FindingFilter.of(List.of(), List.of(minimum)).apply(report);
    }

    private int usageError(String message) {
        return ReportOptions.usageError(spec, message);
    }
}
