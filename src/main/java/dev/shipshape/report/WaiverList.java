package dev.shipshape.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shipshape.policy.Waiver;
import dev.shipshape.policy.Waivers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code shipshape waivers}: every waiver of a configuration with its status (active, expiring,
 * expired, unused), as a table or JSON. Whether a waiver is unused is known only after a scan.
 *
 * <pre>{@code
 * {"version": 1, "configuration": ".shipshape.yaml", "scanned": true,
 *  "waivers": [{"rule": "privileged-container", "target": "compose.yaml#services.web",
 *               "reason": "...", "owner": "platform-team@example.com", "expires": "2027-03-31",
 *               "status": "active", "matches": 1,            // "matches" only after a scan
 *               "location": {"file": ".shipshape.yaml", "line": 3, "column": 5}}]}
 * }</pre>
 *
 * @param configuration the configuration file as shown
 * @param scanned       true when the statuses come from a scan (so "unused" is known)
 */
public record WaiverList(String configuration, boolean scanned, List<Waivers.Use> uses) {

    public WaiverList {
        uses = List.copyOf(uses);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        Map<Waiver.Status, Integer> counts = new EnumMap<>(Waiver.Status.class);
        uses.forEach(use -> counts.merge(use.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Waiver.Status status : Waiver.Status.values()) {
            if (counts.containsKey(status)) parts.add(counts.get(status) + " " + status.label());
        }
        text.append(TextReporter.printable(configuration)).append(": ")
                .append(uses.size()).append(uses.size() == 1 ? " waiver" : " waivers")
                .append(parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")").append('\n');
        if (uses.isEmpty()) return text.toString();
        List<String[]> rows = new ArrayList<>();
        rows.add(scanned
                ? new String[] {"line", "status", "expires", "matches", "rule", "target", "owner"}
                : new String[] {"line", "status", "expires", "rule", "target", "owner"});
        for (Waivers.Use use : uses) {
            Waiver waiver = use.waiver();
            String line = String.valueOf(waiver.origin().line());
            String target = TextReporter.printable(waiver.target().written());
            String owner = TextReporter.printable(waiver.owner());
            rows.add(scanned
                    ? new String[] {line, use.status().label(), waiver.expires().toString(), String.valueOf(use.matched()), waiver.rule(), target, owner}
                    : new String[] {line, use.status().label(), waiver.expires().toString(), waiver.rule(), target, owner});
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) widths[column] = Math.max(widths[column], row[column].length());
        }
        for (int index = 0; index < rows.size(); index++) {
            String[] row = rows.get(index);
            StringBuilder line = new StringBuilder("  ");
            for (int column = 0; column < row.length; column++) {
                if (column > 0) line.append("  ");
                line.append(column == row.length - 1 ? row[column] : pad(row[column], widths[column]));
            }
            text.append(line).append('\n');
            if (index > 0) {
                text.append("  ").append(" ".repeat(widths[0] + 2)).append("reason: ")
                        .append(TextReporter.printable(uses.get(index - 1).waiver().reason())).append('\n');
            }
        }
        if (!scanned) text.append("(give a PATH to scan, to find the waivers that match nothing)\n");
        return text.toString();
    }

    public String json() {
        StringWriter out = new StringWriter();
        try {
            JsonGenerator json = PrettyJson.open(out);
            json.writeStartObject();
            json.writeNumberField("version", JsonReporter.FORMAT_VERSION);
            json.writeStringField("configuration", configuration);
            json.writeBooleanField("scanned", scanned);
            json.writeArrayFieldStart("waivers");
            for (Waivers.Use use : uses) {
                Waiver waiver = use.waiver();
                json.writeStartObject();
                json.writeStringField("rule", waiver.rule());
                json.writeStringField("target", waiver.target().written());
                json.writeStringField("reason", waiver.reason());
                json.writeStringField("owner", waiver.owner());
                json.writeStringField("expires", waiver.expires().toString());
                json.writeStringField("status", use.status().label());
                if (scanned) json.writeNumberField("matches", use.matched());
                json.writeObjectFieldStart("location");
                json.writeStringField("file", waiver.origin().source());
                json.writeNumberField("line", waiver.origin().line());
                json.writeNumberField("column", waiver.origin().column());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            PrettyJson.finish(json, out);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
