package dev.shipshape.report.html;

/**
 * JSON for a {@code <script type="application/json">} data block: a JSON string escaped so that
 * nothing in it can end the block or start markup ({@code < > &} become {@code \u003c}-style
 * escapes), whatever the scanned input wrote.
 */
final class ScriptJson {

    private ScriptJson() {
    }

    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
