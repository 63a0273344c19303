package dev.shipshape.policy;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Finding;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names a finding so that it is recognised in a later run although lines were inserted above it or
 * elsewhere in the file. The recipe (version {@value #RECIPE}):
 *
 * <pre>
 * fingerprint = hex(SHA-256(UTF-8 of  "v1" LF ruleId LF file LF object LF value))[0..32]
 * </pre>
 * <ul>
 *   <li>{@code ruleId}: the rule's stable id ({@code SS-101}, {@code CUSTOM-team-label}), not its
 *       name, which may be renamed;</li>
 *   <li>{@code file}: the finding's file relative to the baseline file's folder, with {@code /}
 *       separators, so that a scan run from another folder or with absolute paths matches; a live
 *       object has none (empty);</li>
 *   <li>{@code object}: the identity of what the finding is about ({@link Subject#identity()}):
 *       {@code services.web}, {@code Deployment/prod/web/app} (kind/namespace/name/container),
 *       {@code networks.front}, {@code stage[1]/RUN} (a Dockerfile's stage index and instruction
 *       keyword), {@code daemon}; live objects by their names, never by ids that change on every
 *       recreate;</li>
 *   <li>{@code value}: the offending text: the source line from the finding's column, its trailing
 *       YAML comment dropped and runs of blanks made one ({@code privileged: true}); for an unset
 *       setting that is the object's own line ({@code web:}); for a live object, the message.</li>
 * </ul>
 * The line number is never part of it. Two findings with the same fingerprint are told apart by
 * count, and a changed offending value is a new finding (and the old one fixed).
 */
public final class Fingerprints {

    public static final String RECIPE = "v1";

    private static final Pattern YAML_COMMENT = Pattern.compile("\\s+#.*$");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private final Path base;
    private final Map<String, List<String>> lines = new HashMap<>();

    /** @param baselineFolder the folder of the baseline file, which file paths are relative to */
    public Fingerprints(Path baselineFolder) {
        this.base = baselineFolder.toAbsolutePath().normalize();
    }

    public String of(Finding finding, Subject subject) {
        return hash(finding.rule().id(), file(finding.origin()), subject.identity(), value(finding));
    }

    /**
     * What each finding is about, with its fingerprint relative to this object's folder, for the
     * reports that carry them (JSON, SARIF, GitLab). Attribution costs one pass over the inventory.
     */
    public Map<Finding, Report.Identity> identify(Inventory inventory, Collection<Finding> findings) {
        Subjects subjects = new Subjects(inventory);
        Map<Finding, Report.Identity> identities = new HashMap<>();
        for (Finding finding : findings) {
            if (identities.containsKey(finding)) continue;
            Subject subject = subjects.of(finding);
            identities.put(finding, new Report.Identity(of(finding, subject), subject.identity(), subject.source()));
        }
        return identities;
    }

    /** The finding's file as the fingerprint and the baseline name it; empty for a live object. */
    public String file(Origin origin) {
        if (!origin.isInFile()) return "";
        try {
            Path absolute = Path.of(origin.source()).toAbsolutePath().normalize();
            Path relative = absolute.startsWith(base) ? base.relativize(absolute) : relativeOutside(absolute);
            return relative.toString().replace('\\', '/');
        } catch (InvalidPathException notAPath) {
            return origin.source();
        }
    }

    private Path relativeOutside(Path absolute) {
        try {
            return base.relativize(absolute);
        } catch (IllegalArgumentException otherRoot) {
            return absolute;
        }
    }

    /** The offending text (see the recipe). */
    String value(Finding finding) {
        Origin origin = finding.origin();
        if (!origin.isInFile()) return finding.message();
        List<String> text = lines.computeIfAbsent(origin.source(), Fingerprints::read);
        if (origin.line() > text.size()) return finding.message();
        String line = text.get(origin.line() - 1);
        String fromColumn = origin.column() >= 1 && origin.column() <= line.length() ? line.substring(origin.column() - 1) : line;
        if (isYaml(origin.source())) fromColumn = YAML_COMMENT.matcher(fromColumn).replaceFirst("");
        return BLANKS.matcher(fromColumn.strip()).replaceAll(" ");
    }

    private static boolean isYaml(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static List<String> read(String file) {
        try {
            return SourceLoader.readText(Path.of(file)).lines().toList();
        } catch (IOException | InvalidPathException unreadable) {
            return List.of();
        }
    }

    static String hash(String ruleId, String file, String object, String value) {
        String text = String.join("\n", RECIPE, ruleId, file, object, value);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException cannotHappen) {
            throw new IllegalStateException("every Java platform has SHA-256", cannotHappen);
        }
    }
}
