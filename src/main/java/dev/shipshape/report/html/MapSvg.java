package dev.shipshape.report.html;

import dev.shipshape.report.html.NetworkMap.Band;
import dev.shipshape.report.html.NetworkMap.Edge;
import dev.shipshape.report.html.NetworkMap.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws a {@link NetworkMap} as SVG with a layout that depends only on the map: nodes in columns
 * by dependency (whoever depends on others stands left of them; a Service left of what it selects),
 * at most {@value #ROWS} nodes a column, networks as bands underneath, and each node's line down to
 * the bands it joins running in its own lane of the gap to its left, so that no line crosses a node.
 */
final class MapSvg {

    static final int ROWS = 8;
    private static final int NODE_WIDTH = 210;
    private static final int GUTTER = 84;
    private static final int LANE = 8;
    private static final int MARGIN = 12;
    private static final int ROW_GAP = 16;
    private static final int BAND_HEIGHT = 24;
    private static final int BAND_GAP = 8;
    private static final int LINE = 14;
    private static final int MAX_PORT_LINES = 3;
    private static final int MAX_LABEL = 28;

    private MapSvg() {
    }

    static void write(NetworkMap map, String application, Markup out) {
        List<List<Node>> columns = columns(map);
        Map<String, Box> boxes = new HashMap<>();
        int bottom = MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            int y = MARGIN;
            for (int r = 0; r < columns.get(c).size(); r++) {
                Node node = columns.get(c).get(r);
                int height = height(node);
                boxes.put(node.name(), new Box(columnX(c), y, height, c, r));
                y += height + ROW_GAP;
            }
            bottom = Math.max(bottom, y);
        }
        int longestBand = map.bands().stream().mapToInt(band -> bandLabel(band).length()).max().orElse(0);
        int width = Math.max(columnX(columns.size()) - GUTTER + MARGIN, columnX(0) + 12 + (int) (longestBand * 6.8) + MARGIN);
        int bandTop = bottom + 12;
        Map<String, Integer> bandY = new HashMap<>();
        for (int b = 0; b < map.bands().size(); b++) bandY.put(map.bands().get(b).name(), bandTop + b * (BAND_HEIGHT + BAND_GAP));
        int height = bandTop + map.bands().size() * (BAND_HEIGHT + BAND_GAP) + MARGIN;

        out.raw("<svg class=\"netmap\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .attribute("width", Integer.toString(width)).attribute("height", Integer.toString(height))
                .attribute("viewBox", "0 0 " + width + " " + height)
                .attribute("aria-label", "network map of " + application).raw(">");
        for (Band band : map.bands()) {
            int y = bandY.get(band.name());
            out.raw("<g class=\"band risk-" + band.risk().name().toLowerCase(Locale.ROOT) + "\"")
                    .attribute("data-network", band.name()).raw(">")
                    .raw("<rect x=\"" + MARGIN + "\" y=\"" + y + "\" width=\"" + (width - 2 * MARGIN) + "\" height=\"" + BAND_HEIGHT
                            + "\" rx=\"4\"></rect>")
                    .raw("<text x=\"" + (columnX(0) + 6) + "\" y=\"" + (y + 16) + "\">").text(bandLabel(band)).raw("</text></g>");
        }
        for (Node node : map.nodes()) {
            Box box = boxes.get(node.name());
            int lane = box.x() - 12 - box.row() * LANE;
            int lowest = -1;
            List<Integer> joins = new ArrayList<>();
            for (Band band : map.bands()) {
                if (band.members().contains(node.name())) {
                    joins.add(bandY.get(band.name()));
                    lowest = Math.max(lowest, bandY.get(band.name()));
                }
            }
            if (lowest < 0) continue;
            int startY = box.y() + 14;
            out.raw("<g class=\"joins\"").attribute("data-node", node.name()).raw(">")
                    .raw("<path d=\"M" + box.x() + " " + startY + " H" + lane + " V" + (lowest + BAND_HEIGHT / 2) + "\"></path>");
            for (int y : joins) out.raw("<circle cx=\"" + lane + "\" cy=\"" + (y + BAND_HEIGHT / 2) + "\" r=\"3.5\"></circle>");
            out.raw("</g>");
        }
        for (Edge edge : map.edges()) {
            Box from = boxes.get(edge.from());
            Box to = boxes.get(edge.to());
            int x1 = from.x() + NODE_WIDTH;
            int y1 = from.y() + 20;
            int y2 = to.y() + 20;
            String path;
            if (to.column() > from.column()) {
                int x2 = to.x();
                int bend = Math.max(30, (x2 - x1) / 2);
                path = "M" + x1 + " " + y1 + " C" + (x1 + bend) + " " + y1 + " " + (x2 - bend) + " " + y2 + " " + (x2 - 4) + " " + y2;
            } else {
                int x2 = to.x() + NODE_WIDTH;
                path = "M" + x1 + " " + y1 + " C" + (x1 + 44) + " " + y1 + " " + (x2 + 44) + " " + y2 + " " + (x2 + 4) + " " + y2;
            }
            out.raw("<path class=\"edge " + edge.kind().cssClass() + "\" marker-end=\"url(#ss-arrow)\"")
                    .attribute("data-from", edge.from()).attribute("data-to", edge.to()).attribute("data-kind", edge.kind().label())
                    .attribute("d", path).raw("><title>")
                    .text(edge.from() + " " + edge.kind().label() + " " + edge.to() + (edge.label().isEmpty() ? "" : " (" + edge.label() + ")"))
                    .raw("</title></path>");
        }
        for (Node node : map.nodes()) writeNode(node, boxes.get(node.name()), out);
        out.raw("</svg>");
    }

    private static void writeNode(Node node, Box box, Markup out) {
        int x = box.x();
        int y = box.y();
        out.raw("<g class=\"node" + (node.isService() ? " k8s-service" : "") + "\"").attribute("data-name", node.name()).raw(">")
                .raw("<title>").text(node.kind() + " " + node.name()).raw("</title>")
                .raw("<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + NODE_WIDTH + "\" height=\"" + box.height() + "\" rx=\"6\"></rect>")
                .raw("<text class=\"name\" x=\"" + (x + 10) + "\" y=\"" + (y + 18) + "\">").text(clip(label(node), MAX_LABEL)).raw("</text>")
                .raw("<text class=\"kind\" x=\"" + (x + 10) + "\" y=\"" + (y + 18 + LINE) + "\">").text(node.kind()).raw("</text>");
        int line = y + 18 + 2 * LINE;
        List<NetworkMap.Port> ports = node.ports();
        for (int i = 0; i < Math.min(ports.size(), MAX_PORT_LINES); i++) {
            NetworkMap.Port port = ports.get(i);
            out.raw("<text class=\"port" + (port.allInterfaces() ? " all-interfaces" : "") + "\" x=\"" + (x + 10) + "\" y=\"" + line + "\">")
                    .raw("\u21e2 ").text(clip(port.text(), MAX_LABEL)).raw("</text>");
            line += LINE;
        }
        if (ports.size() > MAX_PORT_LINES) {
            out.raw("<text class=\"port\" x=\"" + (x + 10) + "\" y=\"" + line + "\">")
                    .text("+" + (ports.size() - MAX_PORT_LINES) + " more ports").raw("</text>");
            line += LINE;
        }
        for (String tag : node.tags()) {
            out.raw("<text class=\"tag\" x=\"" + (x + 10) + "\" y=\"" + line + "\">").text(clip(tag, MAX_LABEL)).raw("</text>");
            line += LINE;
        }
        out.raw("</g>");
    }

    /** Where a node is drawn: its top-left corner and height, and its column and row in the layout. */
    private record Box(int x, int y, int height, int column, int row) {
    }

    /** The name without the kind prefix Kubernetes nodes carry for uniqueness ("Deployment/web" shows "web"). */
    private static String label(Node node) {
        String prefix = node.kind() + "/";
        return node.name().startsWith(prefix) ? node.name().substring(prefix.length()) : node.name();
    }

    private static String bandLabel(Band band) {
        return clip(band.name(), 40) + " \u2014 " + band.description() + " (" + band.members().size()
                + (band.members().size() == 1 ? " member)" : " members)");
    }

    private static int height(Node node) {
        int portLines = Math.min(node.ports().size(), MAX_PORT_LINES) + (node.ports().size() > MAX_PORT_LINES ? 1 : 0);
        return 18 + LINE + (portLines + node.tags().size()) * LINE + 12;
    }

    private static int columnX(int column) {
        return MARGIN + GUTTER + column * (NODE_WIDTH + GUTTER);
    }

    /** Columns by dependency depth (deepest dependents first), each cut into columns of at most {@value #ROWS}. */
    static List<List<Node>> columns(NetworkMap map) {
        Map<String, List<String>> dependsOn = new HashMap<>();
        for (Edge edge : map.edges()) dependsOn.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
        Map<String, Integer> depth = new HashMap<>();
        for (Node node : map.nodes()) depth(node.name(), dependsOn, depth, new HashSet<>());
        int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        TreeMap<Integer, List<Node>> layers = new TreeMap<>();
        for (Node node : map.nodes()) layers.computeIfAbsent(deepest - depth.get(node.name()), k -> new ArrayList<>()).add(node);
        List<List<Node>> columns = new ArrayList<>();
        for (List<Node> layer : layers.values()) {
            for (int start = 0; start < layer.size(); start += ROWS) columns.add(layer.subList(start, Math.min(layer.size(), start + ROWS)));
        }
        return columns;
    }

    /** How long the longest chain of dependencies below a node is; a cycle counts as ending where it closes. */
    private static int depth(String node, Map<String, List<String>> dependsOn, Map<String, Integer> known, Set<String> path) {
        Integer memo = known.get(node);
        if (memo != null) return memo;
        if (!path.add(node)) return 0;
        int deepest = 0;
        for (String next : dependsOn.getOrDefault(node, List.of())) deepest = Math.max(deepest, 1 + depth(next, dependsOn, known, path));
        path.remove(node);
        known.put(node, deepest);
        return deepest;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
