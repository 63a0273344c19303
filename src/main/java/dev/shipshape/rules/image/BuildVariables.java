package dev.shipshape.rules.image;

import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values {@code $NAME} has at a point of a Dockerfile when the build is run with no
 * {@code --build-arg}: ARG defaults and ENV values, scoped as BuildKit scopes them. Global ARGs
 * (before the first FROM) are seen by FROM lines; inside a stage, only by an {@code ARG NAME}
 * that declares them again; an ENV wins over an ARG of the same name. A variable with no known value stays unresolved: rules do not judge
 * what they cannot see.
 */
final class BuildVariables {

    /** One name an ARG or ENV declares; {@code value} is null when an ARG gives no default. */
    record Declaration(String name, String value) {
    }

    private final Map<String, String> globals;
    private final Map<String, String> values;
    /** Names an ENV set in this scope: an ARG of the same name does not change them. */
    private final Set<String> environment = new HashSet<>();

    private BuildVariables(Map<String, String> globals, Map<String, String> values) {
        this.globals = globals;
        this.values = values;
    }

    /** The scope of FROM lines: the global ARGs' defaults. */
    static BuildVariables global(Image image) {
        Map<String, String> globals = new HashMap<>();
        for (EnvVar arg : image.globalArgs()) {
            if (arg.value() != null) globals.put(arg.name(), arg.value());
            else globals.remove(arg.name());
        }
        return new BuildVariables(globals, new HashMap<>(globals));
    }

    /** A fresh scope for a stage's instructions: global ARGs are only visible once declared again. */
    BuildVariables stageScope() {
        return new BuildVariables(globals, new HashMap<>());
    }

    /** Takes in the ARG or ENV declarations of an instruction (any other instruction, or an ONBUILD trigger, changes nothing). */
    void declare(Instruction instruction) {
        if (instruction.onbuild()) return;
        boolean isArg = instruction.keyword().equals("ARG");
        if (!isArg && !instruction.keyword().equals("ENV")) return;
        for (Declaration declaration : declarations(instruction)) {
            if (isArg && environment.contains(declaration.name())) continue;
            if (!isArg) environment.add(declaration.name());
            String value = declaration.value();
            if (value == null) {
                String global = isArg ? globals.get(declaration.name()) : null;
                if (global != null) values.put(declaration.name(), global);
                else values.remove(declaration.name());
                continue;
            }
            Optional<String> expanded = expand(value);
            if (expanded.isPresent()) values.put(declaration.name(), expanded.get());
            else values.remove(declaration.name());
        }
    }

    /**
     * The names an ARG or ENV instruction declares, with their values as written (quotes removed,
     * variables not expanded): {@code ARG A B=1}, {@code ENV A=1 B="two words"}, {@code ENV A one two}.
     */
    static List<Declaration> declarations(Instruction instruction) {
        String arguments = instruction.arguments().strip();
        if (arguments.isEmpty()) return List.of();
        List<Declaration> declarations = new ArrayList<>();
        List<String> words = words(arguments);
        boolean legacyEnv = instruction.keyword().equals("ENV") && words.getFirst().indexOf('=') < 0;
        if (legacyEnv) {
            String name = words.getFirst();
            String rest = arguments.substring(arguments.indexOf(name) + name.length()).strip();
            declarations.add(new Declaration(name, unquote(rest)));
            return declarations;
        }
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals == 0) continue;
            if (equals < 0) declarations.add(new Declaration(word, null));
            else declarations.add(new Declaration(word.substring(0, equals), unquote(word.substring(equals + 1))));
        }
        return declarations;
    }

    /**
     * The word with {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}}, {@code ${NAME:+word}} put in; empty
     * when a plain reference has no known value. With a modifier, a variable with no known value counts as unset.
     */
    Optional<String> expand(String word) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char ch = word.charAt(i);
            if (ch == '\\' && i + 1 < word.length() && word.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (ch != '$' || i + 1 == word.length()) {
                out.append(ch);
                i++;
            } else if (word.charAt(i + 1) == '{') {
                int close = word.indexOf('}', i + 2);
                if (close < 0) return Optional.empty();
                Optional<String> value = substitute(word.substring(i + 2, close));
                if (value.isEmpty()) return Optional.empty();
                out.append(value.get());
                i = close + 1;
            } else {
                int end = i + 1;
                while (end < word.length() && (Character.isLetterOrDigit(word.charAt(end)) || word.charAt(end) == '_')) end++;
                if (end == i + 1) {
                    out.append('$');
                    i++;
                    continue;
                }
                String value = values.get(word.substring(i + 1, end));
                if (value == null) return Optional.empty();
                out.append(value);
                i = end;
            }
        }
        return Optional.of(out.toString());
    }

    private Optional<String> substitute(String expression) {
        int nameEnd = 0;
        while (nameEnd < expression.length()
                && (Character.isLetterOrDigit(expression.charAt(nameEnd)) || expression.charAt(nameEnd) == '_')) nameEnd++;
        String value = values.get(expression.substring(0, nameEnd));
        String modifier = expression.substring(nameEnd);
        if (modifier.startsWith(":-")) return Optional.of(value == null || value.isEmpty() ? modifier.substring(2) : value);
        if (modifier.startsWith("-")) return Optional.of(value == null ? modifier.substring(1) : value);
        if (modifier.startsWith(":+")) return Optional.of(value == null || value.isEmpty() ? "" : modifier.substring(2));
        if (modifier.startsWith("+")) return Optional.of(value == null ? "" : modifier.substring(1));
        if (!modifier.isEmpty()) return Optional.empty();
        return Optional.ofNullable(value);
    }

    /** Words split on blanks outside quotes, quotes kept. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote == 0 && (ch == ' ' || ch == '\t')) {
                if (!word.isEmpty()) words.add(word.toString());
                word.setLength(0);
                continue;
            }
            if (ch == '\\' && i + 1 < text.length()) {
                word.append(ch).append(text.charAt(++i));
                continue;
            }
            if (quote == 0 && (ch == '"' || ch == '\'')) quote = ch;
            else if (ch == quote) quote = 0;
            word.append(ch);
        }
        if (!word.isEmpty()) words.add(word.toString());
        return words;
    }

    /** Removes quotes and backslash escapes: {@code "two words"} is {@code two words}. */
    private static String unquote(String value) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' && quote != '\'' && i + 1 < value.length()) {
                out.append(value.charAt(++i));
            } else if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (ch == quote) {
                quote = 0;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
