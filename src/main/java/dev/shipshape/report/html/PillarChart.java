package dev.shipshape.report.html;

import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Severity;
import java.util.Locale;
import java.util.Map;

/** A stacked bar per pillar, one segment per severity, as inline SVG; the counts are written beside each bar. */
final class PillarChart {

    private static final int LABEL_WIDTH = 150;
    private static final int BAR_WIDTH = 520;
    private static final int ROW = 30;
    private static final int BAR = 18;

    private PillarChart() {
    }

    /** @param counts findings per pillar and severity (missing entries are zero) */
    static void write(Map<Pillar, Map<Severity, Integer>> counts, Markup out) {
        int largest = 1;
        for (Pillar pillar : Pillar.values()) largest = Math.max(largest, total(counts, pillar));
        int legendY = Pillar.values().length * ROW + 16;
        int width = LABEL_WIDTH + BAR_WIDTH + 80;
        int height = legendY + 24;
        out.raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"findings by pillar and severity\"")
                .raw(" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">");
        int y = 8;
        for (Pillar pillar : Pillar.values()) {
            int total = total(counts, pillar);
            out.raw("<g class=\"bar\" data-pillar=\"" + key(pillar) + "\" data-total=\"" + total + "\">")
                    .raw("<text class=\"label\" x=\"0\" y=\"" + (y + 14) + "\">").text(pillar.displayName()).raw("</text>");
            double x = LABEL_WIDTH;
            for (Severity severity : Severity.values()) {
                int count = counts.getOrDefault(pillar, Map.of()).getOrDefault(severity, 0);
                if (count == 0) continue;
                double segment = Math.max(2.0, BAR_WIDTH * (double) count / largest);
                out.raw("<rect class=\"sev-" + severity.label() + "\" data-severity=\"" + severity.label() + "\" data-count=\"" + count
                                + "\" x=\"" + format(x) + "\" y=\"" + y + "\" width=\"" + format(segment) + "\" height=\"" + BAR + "\">")
                        .raw("<title>").text(pillar.displayName() + ": " + count + " " + severity.label()).raw("</title></rect>");
                x += segment;
            }
            out.raw("<text class=\"count\" x=\"" + format(x + 6) + "\" y=\"" + (y + 14) + "\">").number(total).raw("</text></g>");
            y += ROW;
        }
        int x = 0;
        for (Severity severity : Severity.values()) {
            out.raw("<rect class=\"sev-" + severity.label() + "\" x=\"" + x + "\" y=\"" + legendY + "\" width=\"12\" height=\"12\"></rect>")
                    .raw("<text class=\"legend\" x=\"" + (x + 16) + "\" y=\"" + (legendY + 11) + "\">").text(severity.label()).raw("</text>");
            x += 90;
        }
        out.raw("</svg>");
    }

    static String key(Pillar pillar) {
        return pillar.name().toLowerCase(Locale.ROOT);
    }

    private static int total(Map<Pillar, Map<Severity, Integer>> counts, Pillar pillar) {
        return counts.getOrDefault(pillar, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
