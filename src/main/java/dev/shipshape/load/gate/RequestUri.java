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

/**
 * A request target as dockerd's router sees it, not as the authorization plugin receives it. The
 * plugin gets the raw {@code RequestUri}; Go's server parses it with {@code url.ParseRequestURI}
 * and gorilla/mux matches the decoded, cleaned path:
 *
 * <ul>
 *   <li>{@code /path?query}; the absolute form {@code http://host/path}; a scheme without an
 *       authority ({@code http:/v1.41/containers/create}, {@code x:/v1.41/plugins/create}), whose
 *       path is the same; an opaque form ({@code x:v1.41/...}) or {@code *}, which have no path;
 *   <li>a scheme is letters, digits, {@code + - .} after a first letter, then {@code :}; anything
 *       else before the first {@code :} makes the whole target a path;
 *   <li>there is no fragment: a {@code #} is part of the path ({@code /containers/x/exec#/start}
 *       routes to the start of container {@code x/exec#});
 *   <li>the path is percent-decoded once ({@code cr%65ate} is {@code create}, {@code %2F} a slash),
 *       a bad escape or a control byte is an error (Go answers 400);
 *   <li>the router cleans the path as mux's {@code cleanPath} does ({@code path.Clean}, keeping a
 *       trailing slash); a path that was not clean is redirected rather than served, so the clean one
 *       is the only one that can reach an endpoint;
 *   <li>the query is parsed apart, as {@code url.ParseQuery} does (a pair with a {@code ;} or a bad
 *       escape is dropped, {@code +} is a space).
 * </ul>
 *
 * @param path       decoded and cleaned, the version prefix still on: {@code /v1.41/containers/create}; "" when the target has none
 * @param query      the query's parameters, decoded, in order
 */
public record RequestUri(String path, Map<String, List<String>> query) {

    public RequestUri {
        query = Map.copyOf(query);
    }

    /** The target, or why Go's server would refuse it (it answers 400 and no handler runs). */
    public static Parsed parse(String raw) {
        if (raw == null || raw.isEmpty()) return new Invalid("the request target is empty");
        for (int index = 0; index < raw.length(); index++) {
            char c = raw.charAt(index);
            if (c < 0x20 || c == 0x7f) return new Invalid("the request target holds a control character");
        }
        if (raw.equals("*")) return new Valid(new RequestUri("*", Map.of()));
        String rest = raw;
        String scheme = scheme(raw);
        if (scheme == null) return new Invalid("the request target starts with ':' (a missing scheme)");
        if (!scheme.isEmpty()) rest = raw.substring(scheme.length() + 1);
        String rawQuery = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int question = rest.indexOf('?');
            if (question >= 0) {
                rawQuery = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
        }
        if (!rest.startsWith("/")) {
            if (scheme.isEmpty()) return new Invalid("the request target is neither a path nor an absolute URI");
            // opaque: Go's URL has no path, so no route matches it
            return new Valid(new RequestUri("", parseQuery(rawQuery)));
        }
        if (!scheme.isEmpty() && rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        Optional<String> decoded = decode(rest, false);
        if (decoded.isEmpty()) return new Invalid("the request target's path has a malformed %-escape");
        return new Valid(new RequestUri(clean(decoded.get()), parseQuery(rawQuery)));
    }

    public sealed interface Parsed {
    }

    public record Valid(RequestUri uri) implements Parsed {
    }

    public record Invalid(String problem) implements Parsed {
    }

    /** The first value of a query parameter, as Go's {@code FormValue} reads it. */
    public Optional<String> parameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Every value of a query parameter. */
    public List<String> parameters(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** Go's {@code getScheme}: the scheme ("" for none), or null for a target starting with ':'. */
    private static String scheme(String raw) {
        for (int index = 0; index < raw.length(); index++) {
            char c = raw.charAt(index);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') continue;
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (index == 0) return "";
                continue;
            }
            if (c == ':') return index == 0 ? null : raw.substring(0, index);
            return "";
        }
        return "";
    }

    /** gorilla/mux's {@code cleanPath}: Go's {@code path.Clean} of a rooted path, a trailing slash kept. */
    static String clean(String path) {
        if (path.isEmpty()) return "/";
        // nearly every path is clean already: check it without splitting and joining
        if (isClean(path)) return path;
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(segment);
            }
        }
        String cleaned = "/" + String.join("/", kept);
        return path.endsWith("/") && !cleaned.equals("/") ? cleaned + "/" : cleaned;
    }

    /** Whether {@link #clean} leaves {@code path} as it is: rooted, without empty, {@code .} or {@code ..} segments. */
    private static boolean isClean(String path) {
        if (!path.startsWith("/")) return false;
        int start = 1;
        while (start < path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if (end == start) return false;
            if (path.charAt(start) == '.' && (end - start == 1 || end - start == 2 && path.charAt(start + 1) == '.')) return false;
            start = end + 1;
        }
        return true;
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

    /** Percent-decoding as Go does it (bytes, then UTF-8; {@code +} is a space only in a query); empty for a malformed escape. */
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
