package dev.shipshape.scan;

import dev.shipshape.model.KubernetesVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user asked to scan and how.
 *
 * @param paths         files and folders to scan
 * @param excludes      glob patterns of paths to leave out ({@code --exclude})
 * @param maxFileSize   files larger than this many bytes are reported and skipped
 * @param configFile    {@code --config}; when empty, each file is governed by the nearest {@code .shipshape.yaml}
 *                      (see {@link dev.shipshape.policy.GoverningPolicies})
 * @param onlyRules     {@code --rule}: run only these (names, aliases or ids); empty means all enabled rules
 * @param skipRules     {@code --skip-rule}: never run these
 * @param environment   the variables Compose interpolation sees
 * @param baseline      {@code --baseline}: report only findings that are not in this baseline file
 * @param writeBaseline {@code --write-baseline}: the baseline file to be written (its folder is what paths in it are relative to)
 * @param inputs        standard input ({@code -} among the paths) and symbolic links
 * @param compose       how Compose variables are found: {@code --env-file}, {@code --env}, {@code --strict-env}
 * @param kubernetesVersion {@code --kubernetes-version}: the release manifests must work on; empty means the newest
 */
public record ScanRequest(
        List<Path> paths,
        List<String> excludes,
        long maxFileSize,
        Optional<Path> configFile,
        Set<String> onlyRules,
        Set<String> skipRules,
        Map<String, String> environment,
        Optional<Path> baseline,
        Optional<Path> writeBaseline,
        InputOptions inputs,
        ComposeOptions compose,
        Optional<KubernetesVersion> kubernetesVersion) {

    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

    /** What the command line says about Compose variables, beyond the environment. */
    public record ComposeOptions(List<Path> envFiles, Map<String, String> variables, boolean strictEnv) {

        public static final ComposeOptions NONE = new ComposeOptions(List.of(), Map.of(), false);

        public ComposeOptions {
            envFiles = List.copyOf(envFiles);
            variables = Map.copyOf(variables);
        }
    }

    public ScanRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        onlyRules = Set.copyOf(onlyRules);
        skipRules = Set.copyOf(skipRules);
        environment = Map.copyOf(environment);
    }

    /** A request for the newest Kubernetes release. */
    public ScanRequest(List<Path> paths, List<String> excludes, long maxFileSize, Optional<Path> configFile,
            Set<String> onlyRules, Set<String> skipRules, Map<String, String> environment, Optional<Path> baseline,
            Optional<Path> writeBaseline, InputOptions inputs, ComposeOptions compose) {
        this(paths, excludes, maxFileSize, configFile, onlyRules, skipRules, environment, baseline, writeBaseline, inputs, compose,
                Optional.empty());
    }

    /** A request without a baseline. */
    public ScanRequest(List<Path> paths, List<String> excludes, long maxFileSize, Optional<Path> configFile,
            Set<String> onlyRules, Set<String> skipRules, Map<String, String> environment) {
        this(paths, excludes, maxFileSize, configFile, onlyRules, skipRules, environment, Optional.empty(), Optional.empty());
    }

    /** A request that reads no standard input, follows no link out of the scanned folders, and has no Compose options beyond the environment. */
    public ScanRequest(List<Path> paths, List<String> excludes, long maxFileSize, Optional<Path> configFile,
            Set<String> onlyRules, Set<String> skipRules, Map<String, String> environment,
            Optional<Path> baseline, Optional<Path> writeBaseline) {
        this(paths, excludes, maxFileSize, configFile, onlyRules, skipRules, environment, baseline, writeBaseline, InputOptions.DEFAULT,
                ComposeOptions.NONE);
    }

    /** {@code -} among the paths: standard input. */
    public static final Path STANDARD_INPUT = Path.of("-");
}
