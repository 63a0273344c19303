package dev.shipshape.report.html;

/**
 * HTML text as it is built: literal markup goes in through {@link #raw}, and everything else
 * (file names, messages, labels: whatever the scanned input or the user wrote) through
 * {@link #text} or {@link #attribute}, which escape it. No template engine: the page is a handful
 * of loops, and one escaping path is easier to trust than a template language's rules.
 */
final class Markup {

    private final StringBuilder out;

    Markup() {
        this(new StringBuilder(1 << 16));
    }

    private Markup(StringBuilder out) {
        this.out = out;
    }

    /** Markup written by this package, never input. */
    Markup raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text content: {@code & < >} escaped (quotes too, so the same text is also safe in an attribute). */
    Markup text(String text) {
        out.append(escape(text));
        return this;
    }

    /** {@code name="value"} with the value escaped, preceded by a space. */
    Markup attribute(String name, String value) {
        out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        return this;
    }

    Markup number(long value) {
        out.append(value);
        return this;
    }

    /** A whole element with escaped text: {@code <tag class="cls">text</tag>}; no class when {@code cls} is null. */
    Markup element(String tag, String cls, String text) {
        out.append('<').append(tag);
        if (cls != null) attribute("class", cls);
        out.append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null && !isForbiddenControl(c)) {
                if (escaped != null) escaped.append(c);
                continue;
            }
            if (escaped == null) escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            escaped.append(replacement != null ? replacement : "\uFFFD");
        }
        return escaped == null ? text : escaped.toString();
    }

    /** Control characters HTML does not allow in text (NUL and the C0 set but tab, newline, carriage return). */
    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }
}
