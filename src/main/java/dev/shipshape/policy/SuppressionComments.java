package dev.shipshape.policy;

import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the suppression comments of a file's text:
 * <ul>
 *   <li>{@code # shipshape:ignore <rule> <reason...>} covers its own line and the next one. On a
 *       line of its own, "the next one" is the next line that is neither blank nor a comment, so
 *       that several suppressions can be stacked above one key. At the end of a line (YAML only)
 *       it covers that line and the next.</li>
 *   <li>{@code # shipshape:ignore-file <rule> <reason...>} covers the whole file.</li>
 * </ul>
 * YAML comments start at a {@code #} at the start of a line or after a blank; Dockerfile comments
 * are whole lines only (a {@code #} later in an instruction belongs to the instruction). JSON has
 * no comments, so daemon.json never carries any. Whether the rule exists and whether a reason was
 * given is checked later, by {@link Suppressions}.
 */
public final class SuppressionComments {

    private static final String DIRECTIVE = "#\\s*shipshape:\\s*(ignore-file|ignore)(?![\\w-])(.*)$";
    private static final Pattern YAML_COMMENT = Pattern.compile("(?:^|\\s)(" + DIRECTIVE + ")");
    private static final Pattern DOCKERFILE_COMMENT = Pattern.compile("^\\s*(" + DIRECTIVE + ")");
    private static final Pattern COMMENT_OR_BLANK = Pattern.compile("^\\s*(#.*)?$");

    private SuppressionComments() {
    }

    /** The suppressions written in {@code text}; {@code file} is the path findings in it show. */
    public static List<Suppression> scan(String file, String text, SourceKind kind) {
        Pattern comment = switch (kind) {
            case COMPOSE, STACK, KUBERNETES -> YAML_COMMENT;
            case DOCKERFILE -> DOCKERFILE_COMMENT;
            case DAEMON_JSON, LIVE_DOCKER -> null;
        };
        if (comment == null || !text.contains("shipshape:")) return List.of();
        List<String> lines = text.lines().toList();
        List<Suppression> suppressions = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            Matcher matcher = comment.matcher(line);
            if (!matcher.find()) continue;
            int lineNumber = index + 1;
            Origin origin = Origin.at(file, lineNumber, matcher.start(1) + 1);
            String[] ruleAndReason = matcher.group(3).trim().split("\\s+", 2);
            String reason = ruleAndReason.length > 1 ? ruleAndReason[1].trim() : null;
            boolean wholeFile = matcher.group(2).equals("ignore-file");
            int lastLine = wholeFile ? Suppression.WHOLE_FILE
                    : matcher.start(1) == firstNonBlank(line) ? nextContentLine(lines, index) : lineNumber + 1;
            suppressions.add(new Suppression(ruleAndReason[0], reason, file, wholeFile ? 1 : lineNumber, lastLine, origin));
        }
        return suppressions;
    }

    private static int firstNonBlank(String line) {
        int index = 0;
        while (index < line.length() && Character.isWhitespace(line.charAt(index))) index++;
        return index;
    }

    /** The 1-based number of the first line after {@code index} with content, or the comment's own line when none. */
    private static int nextContentLine(List<String> lines, int index) {
        for (int next = index + 1; next < lines.size(); next++) {
            if (!COMMENT_OR_BLANK.matcher(lines.get(next)).matches()) return next + 1;
        }
        return index + 1;
    }
}
