package dev.shipshape.load.gate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker API request URI as the daemon's router sees it, not as the authorization plugin
 * receives it. The plugin gets the raw {@code RequestUri} ({@code /v1.41/containers/cr%65ate?name=x}),
 * while the daemon's router matches the decoded, cleaned path, so a plugin that matches the raw text
 * can be walked around ({@code /containers/cr%65ate}, {@code //containers/create},
 * {@code /x/../containers/create}, {@code /containers/abc/pause?x=/start}). Here the path is
 * decoded once (as Go's {@code url.URL.Path} is), cleaned as Go's {@code path.Clean} cleans it,
 * stripped of its {@code /vX.Y} prefix, and the query is parsed apart.
 *
 * @param path       decoded and cleaned, without the version prefix and without a trailing slash: {@code /containers/create}
 * @param apiVersion the version prefix's number ({@code 1.41}), or empty for an unversioned path
 * @param query      the query's parameters, decoded, in order
 */
public record RequestUri(String path, Optional<String> apiVersion, Map<String, List<String>> query) {

    private static final Pattern VERSION_PREFIX = Pattern.compile("^/v([0-9.]+)(?=/|$)");
    /** An absolute-form request target, {@code http://host/path}, which Go's server accepts. */
    private static final Pattern ABSOLUTE_FORM = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*");

    public RequestUri {
        query = Map.copyOf(query);
    }

    /** The URI, or empty when its path cannot be decoded (a bad {@code %} escape), which the daemon would refuse too. */
    public static Optional<RequestUri> parse(String raw) {
        String text = raw == null ? "" : raw;
        int hash = text.indexOf('#');
        if (hash >= 0) text = text.substring(0, hash);
        int question = text.indexOf('?');
        String rawPath = question < 0 ? text : text.substring(0, question);
        String rawQuery = question < 0 ? "" : text.substring(question + 1);
        Matcher absolute = ABSOLUTE_FORM.matcher(rawPath);
        if (absolute.find()) rawPath = rawPath.substring(absolute.end());

        Optional<String> decoded = decode(rawPath, false);
        if (decoded.isEmpty()) return Optional.empty();
        String path = clean(decoded.get());
        Optional<String> version = Optional.empty();
        Matcher prefix = VERSION_PREFIX.matcher(path);
        if (prefix.find()) {
            version = Optional.of(prefix.group(1));
            path = path.substring(prefix.end());
            if (path.isEmpty()) path = "/";
        }
        return Optional.of(new RequestUri(path, version, parseQuery(rawQuery)));
    }

    /** The first value of a query parameter. */
    public Optional<String> parameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /**
     * True when the version prefix names an API older than {@code minimum} ({@code "1.24"}), or is
     * not a version at all ({@code /v./}); an unversioned path speaks the daemon's newest API.
     */
    public boolean isOlderThan(String minimum) {
        if (apiVersion.isEmpty()) return false;
        Optional<int[]> version = numbers(apiVersion.get());
        if (version.isEmpty()) return true;
        int[] wanted = numbers(minimum).orElseThrow();
        int[] have = version.get();
        for (int index = 0; index < Math.max(have.length, wanted.length); index++) {
            int mine = index < have.length ? have[index] : 0;
            int theirs = index < wanted.length ? wanted[index] : 0;
            if (mine != theirs) return mine < theirs;
        }
        return false;
    }

    /** The path's segments: {@code /containers/abc/exec} is {@code [containers, abc, exec]}. */
    public List<String> segments() {
        if (path.equals("/")) return List.of();
        return List.of(path.substring(1).split("/", -1));
    }

    private static Optional<int[]> numbers(String version) {
        String[] parts = version.split("\\.", -1);
        int[] numbers = new int[parts.length];
        for (int index = 0; index < parts.length; index++) {
            if (parts[index].isEmpty() || parts[index].length() > 9) return Optional.empty();
            numbers[index] = Integer.parseInt(parts[index]);
        }
        return Optional.of(numbers);
    }

    /** Go's {@code path.Clean} (one leading slash, no empty, "." or ".." segments), without a trailing slash. */
    static String clean(String path) {
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(segment);
            }
        }
        return "/" + String.join("/", kept);
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) return query;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            Optional<String> key = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            Optional<String> value = decode(equals < 0 ? "" : pair.substring(equals + 1), true);
            // Go's ParseQuery skips a pair it cannot decode (or that holds a ';') and keeps the others
            if (key.isEmpty() || value.isEmpty() || pair.contains(";")) continue;
            query.computeIfAbsent(key.get(), name -> new ArrayList<>()).add(value.get());
        }
        return query;
    }

    /** Percent-decoding as Go does it (UTF-8; {@code +} is a space only in a query); empty for a malformed escape. */
    private static Optional<String> decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) return Optional.of(text);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int index = 0; index < raw.length; index++) {
            byte current = raw[index];
            if (current == '%') {
                if (index + 2 >= raw.length) return Optional.empty();
                int high = Character.digit(raw[index + 1], 16);
                int low = Character.digit(raw[index + 2], 16);
                if (high < 0 || low < 0) return Optional.empty();
                bytes.write(high * 16 + low);
                index += 2;
            } else if (current == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.write(current);
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }
}
