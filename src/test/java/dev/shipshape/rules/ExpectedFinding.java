package dev.shipshape.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a fixture folder's {@code expected.txt}: {@code file:line:col rule "message part"}.
 * Lines starting with {@code #} and blank lines are comments.
 */
record ExpectedFinding(String location, String rule, String messagePart) {

    private static final Pattern LINE = Pattern.compile("(\\S+:\\d+:\\d+)\\s+(\\S+)(?:\\s+\"(.*)\")?\\s*");

    static List<ExpectedFinding> read(Path file) throws IOException {
        List<ExpectedFinding> expected = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            Matcher matcher = LINE.matcher(trimmed);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(file + ":" + number + ": expected `file:line:col rule [\"message part\"]`, got: " + line);
            }
            expected.add(new ExpectedFinding(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return expected;
    }

    boolean matches(Finding finding) {
        return location.equals(finding.origin().toString())
                && rule.equals(finding.rule().name())
                && (messagePart == null || finding.message().contains(messagePart));
    }

    @Override
    public String toString() {
        return location + " " + rule + (messagePart == null ? "" : " \"" + messagePart + "\"");
    }
}
