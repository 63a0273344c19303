package dev.shipshape.policy;

import dev.shipshape.scan.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which policy governs each file of a run. With {@code --config}, that one file governs every
 * file. Otherwise each file is governed by the nearest {@value PolicyFile#FILE_NAME} in its folder
 * or above, up to the top of its repository (the first folder with a {@code .git}); a policy above
 * the repository is never picked up, and a file with none is judged by the defaults. So the
 * folders of a monorepo keep their own policies, and the order of the paths given changes nothing.
 *
 * <p>Each policy file is read once, when a file it governs is first asked about.
 */
public final class GoverningPolicies {

    /**
     * A policy and where it comes from.
     *
     * @param shownPath the policy file as reports name it; empty for the built-in defaults
     */
    public record Governing(Optional<String> shownPath, Policy policy) {

        public static final Governing DEFAULTS = new Governing(Optional.empty(), Policy.DEFAULT);

        /** ".shipshape.yaml", or "defaults (no .shipshape.yaml)". */
        public String describe() {
            return shownPath.orElse("defaults (no " + PolicyFile.FILE_NAME + ")");
        }
    }

    private final Governing fixed;
    private final Path workingFolder;
    private final Map<String, Governing> byShownFile = new HashMap<>();
    private final Map<Path, Governing> byFolder = new HashMap<>();
    private final Map<Path, Governing> byPolicyFile = new HashMap<>();

    private GoverningPolicies(Governing fixed, Path workingFolder) {
        this.fixed = fixed;
        this.workingFolder = workingFolder;
    }

    /** {@code --config FILE}: one policy for every file. */
    public static GoverningPolicies fixed(Path configFile, String shownPath) throws ConfigurationException {
        if (!Files.isRegularFile(configFile)) throw new ConfigurationException("configuration file not found: " + configFile);
        return new GoverningPolicies(new Governing(Optional.of(shownPath), PolicyFile.read(configFile, shownPath)), null);
    }

    /**
     * The nearest policy file of each file.
     *
     * @param workingFolder what shown paths are relative to, and where the policy of something
     *                      that is no file (standard input, a live object) is looked for
     */
    public static GoverningPolicies nearest(Path workingFolder) {
        return new GoverningPolicies(null, workingFolder.toAbsolutePath().normalize());
    }

    /** True when one policy governs everything ({@code --config}). */
    public boolean isFixed() {
        return fixed != null;
    }

    /** The policy that governs a file, named as findings name it (relative to the working folder, or absolute). */
    public Governing of(String shownFile) throws ConfigurationException {
        if (fixed != null) return fixed;
        Governing cached = byShownFile.get(shownFile);
        if (cached != null) return cached;
        Governing governing = lookUp(shownFile);
        byShownFile.put(shownFile, governing);
        return governing;
    }

    private Governing lookUp(String shownFile) throws ConfigurationException {
        Path file;
        try {
            file = workingFolder.resolve(shownFile).normalize();
        } catch (InvalidPathException notAPath) {
            file = workingFolder;
        }
        Path folder = Files.isDirectory(file) ? file : file.getParent();
        if (folder == null || !Files.isDirectory(folder)) folder = workingFolder;
        Governing known = byFolder.get(folder);
        if (known != null) return known;
        Optional<Path> policyFile = PolicyFile.find(folder);
        Governing governing = policyFile.isEmpty() ? Governing.DEFAULTS : read(policyFile.get());
        byFolder.put(folder, governing);
        return governing;
    }

    private Governing read(Path policyFile) throws ConfigurationException {
        Path key = policyFile.toAbsolutePath().normalize();
        Governing known = byPolicyFile.get(key);
        if (known != null) return known;
        String shown = shown(key);
        Governing governing = new Governing(Optional.of(shown), PolicyFile.read(key, shown));
        byPolicyFile.put(key, governing);
        return governing;
    }

    /** A policy file inside the working folder is named relative to it; one outside by its absolute path. */
    private String shown(Path policyFile) {
        return policyFile.startsWith(workingFolder) ? workingFolder.relativize(policyFile).toString().replace('\\', '/')
                : policyFile.toString();
    }

    /** Every policy file read so far (not the defaults), sorted by name. */
    public List<String> filesRead() {
        if (fixed != null) return List.of(fixed.shownPath().orElseThrow());
        return byPolicyFile.values().stream().map(governing -> governing.shownPath().orElseThrow())
                .sorted(Comparator.naturalOrder()).toList();
    }
}
