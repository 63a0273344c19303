package dev.shipshape.load.dockerfile;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Groups instructions into stages and works out what the final stage leaves in the image,
 * following BuildKit's {@code instructions.Parse} and its dispatcher: ARGs before the first
 * FROM are global, a stage {@code FROM} an earlier named stage inherits its configuration, and
 * ONBUILD triggers do nothing to the image that declares them.
 */
final class ImageAssembler {

    private final String file;
    private final char escape;
    private final List<Diagnostic> diagnostics;

    private final List<EnvVar> globalArgs = new ArrayList<>();
    private final List<Instruction> beforeFirstFrom = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, StageConfig> configsByName = new HashMap<>();
    private Instruction from;
    private String stageName;
    private String baseImage;
    private List<Instruction> instructions;
    private StageConfig config;
    private List<EnvVar> stageArgs;
    private Origin firstInstruction;

    ImageAssembler(String file, char escape, List<Diagnostic> diagnostics) {
        this.file = file;
        this.escape = escape;
        this.diagnostics = diagnostics;
    }

    void add(Instruction instruction) {
        if (firstInstruction == null) firstInstruction = instruction.origin();
        if (instruction.keyword().equals("FROM") && !instruction.onbuild()) {
            startStage(instruction);
            return;
        }
        if (from == null) {
            if (instruction.keyword().equals("ARG") && !instruction.onbuild()) {
                globalArgs.addAll(args(instruction));
            } else {
                beforeFirstFrom.add(instruction);
            }
            return;
        }
        instructions.add(instruction);
        if (!instruction.onbuild()) apply(instruction);
    }

    /** The image, or empty (with an error) when the Dockerfile has no FROM. */
    Optional<Image> finish() {
        if (from == null) {
            diagnostics.add(Diagnostic.error(firstInstruction != null ? firstInstruction : Origin.at(file, 1, 1),
                    firstInstruction != null
                            ? "no FROM instruction: a Dockerfile must begin its first build stage with FROM"
                            : "the Dockerfile has no instructions"));
            return Optional.empty();
        }
        for (Instruction early : beforeFirstFrom) {
            diagnostics.add(Diagnostic.error(early.origin(),
                    early.keyword() + " before the first FROM: only ARG may come before it"));
        }
        endStage();
        Stage last = stages.getLast();
        Setting<String> user = config.user != null ? config.user : Setting.unset(last.origin());
        return Optional.of(new Image(file, globalArgs, stages, user, Optional.ofNullable(config.healthcheck),
                config.exposedPorts, config.volumes, config.labels, config.environment, stageArgs));
    }

    private void startStage(Instruction instruction) {
        if (from != null) endStage();
        from = instruction;
        instructions = new ArrayList<>();
        instructions.add(instruction);
        stageArgs = new ArrayList<>();
        stageName = null;
        List<String> words = instruction.arguments().isEmpty() ? List.of() : ShellWords.splitOnSeparators(instruction.arguments());
        if (words.isEmpty()) {
            diagnostics.add(Diagnostic.error(instruction.origin(), "FROM requires an image (or an earlier stage's name)"));
            baseImage = "";
        } else {
            baseImage = words.getFirst();
            if (words.size() == 3 && words.get(1).equalsIgnoreCase("as")) {
                stageName = words.get(2);
                if (!isValidStageName(stageName.toLowerCase(Locale.ROOT))) {
                    diagnostics.add(Diagnostic.error(instruction.origin(), "invalid name for build stage: \""
                            + stageName + "\", name can't start with a number or contain symbols"));
                }
            } else if (words.size() != 1) {
                diagnostics.add(Diagnostic.error(instruction.origin(), "FROM requires either one or three arguments"));
            }
        }
        StageConfig inherited = configsByName.get(expandGlobalArgs(baseImage));
        config = inherited != null ? inherited.copy() : new StageConfig();
    }

    private void endStage() {
        stages.add(new Stage(stageName, baseImage, from.origin(), instructions));
        if (stageName != null) {
            StageConfig previous = configsByName.put(stageName.toLowerCase(Locale.ROOT), config);
            if (previous != null) {
                diagnostics.add(Diagnostic.warning(from.origin(), "duplicate stage name \"" + stageName
                        + "\": later references mean this stage"));
            }
        }
    }

    private void apply(Instruction instruction) {
        Origin origin = instruction.origin();
        String arguments = instruction.arguments();
        switch (instruction.keyword()) {
            case "USER" -> {
                if (arguments.isEmpty()) {
                    diagnostics.add(Diagnostic.error(origin, "USER requires exactly one argument"));
                } else {
                    config.user = Setting.of(ShellWords.unquote(arguments, escape).value(), origin);
                }
            }
            case "HEALTHCHECK" -> healthcheck(instruction);
            case "EXPOSE" -> {
                if (arguments.isEmpty()) {
                    diagnostics.add(Diagnostic.error(origin, "EXPOSE requires at least one argument"));
                }
                for (String port : words(arguments)) {
                    config.exposedPorts.add(Setting.of(ShellWords.unquote(port, escape).value(), origin));
                }
            }
            case "VOLUME" -> volume(instruction);
            case "LABEL" -> {
                for (NameValuePairs.Pair pair : pairs(instruction)) {
                    config.labels.add(new KeyValue(pair.name(), pair.value(), origin));
                }
            }
            case "ENV" -> {
                for (NameValuePairs.Pair pair : pairs(instruction)) {
                    config.environment.add(EnvVar.literal(pair.name(), pair.value(), pair.interpolated(), origin));
                }
            }
            case "ARG" -> stageArgs.addAll(args(instruction));
            case "SHELL" -> {
                if (!instruction.isExecForm()) {
                    diagnostics.add(Diagnostic.error(origin, "SHELL requires the arguments to be in JSON form"));
                }
            }
            default -> {
            }
        }
    }

    private void healthcheck(Instruction instruction) {
        Origin origin = instruction.origin();
        String arguments = instruction.arguments();
        if (arguments.isEmpty()) {
            diagnostics.add(Diagnostic.error(origin, "HEALTHCHECK requires at least one argument"));
            return;
        }
        int typeEnd = 0;
        while (typeEnd < arguments.length() && !ShellWords.isSpace(arguments.charAt(typeEnd))) typeEnd++;
        String type = arguments.substring(0, typeEnd).toUpperCase(Locale.ROOT);
        boolean hasCommand = !arguments.substring(typeEnd).isBlank();
        switch (type) {
            case "NONE" -> {
                if (hasCommand) {
                    diagnostics.add(Diagnostic.error(origin, "HEALTHCHECK NONE takes no arguments"));
                } else {
                    config.healthcheck = new Probe(Probe.Kind.HEALTHCHECK, true, origin);
                }
            }
            case "CMD" -> {
                boolean emptyExecForm = instruction.isExecForm() && instruction.execForm().isEmpty();
                if (!hasCommand || emptyExecForm) {
                    diagnostics.add(Diagnostic.error(origin, "Missing command after HEALTHCHECK CMD"));
                } else {
                    config.healthcheck = new Probe(Probe.Kind.HEALTHCHECK, false, origin);
                }
            }
            default -> diagnostics.add(Diagnostic.error(origin,
                    "Unknown type \"" + arguments.substring(0, typeEnd) + "\" in HEALTHCHECK (try CMD)"));
        }
    }

    private void volume(Instruction instruction) {
        Origin origin = instruction.origin();
        List<String> paths = new ArrayList<>();
        if (instruction.isExecForm()) {
            paths.addAll(instruction.execForm());
        } else {
            for (String word : words(instruction.arguments())) paths.add(ShellWords.unquote(word, escape).value());
        }
        if (paths.isEmpty()) {
            diagnostics.add(Diagnostic.error(origin, "VOLUME requires at least one argument"));
        }
        for (String path : paths) {
            String trimmed = ShellWords.trim(path);
            if (trimmed.isEmpty()) {
                diagnostics.add(Diagnostic.error(origin, "VOLUME specified can not be an empty string"));
            } else {
                config.volumes.add(Setting.of(trimmed, origin));
            }
        }
    }

    private List<NameValuePairs.Pair> pairs(Instruction instruction) {
        NameValuePairs.Result result = NameValuePairs.parse(instruction.keyword(), instruction.arguments(), escape);
        if (result.error() != null) diagnostics.add(Diagnostic.error(instruction.origin(), result.error()));
        return result.pairs();
    }

    private List<EnvVar> args(Instruction instruction) {
        List<String> words = ShellWords.quotedWords(instruction.arguments(), escape);
        if (words.isEmpty()) {
            diagnostics.add(Diagnostic.error(instruction.origin(), "ARG requires at least one argument"));
            return List.of();
        }
        List<EnvVar> args = new ArrayList<>(words.size());
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals == 0) {
                diagnostics.add(Diagnostic.error(instruction.origin(), "ARG names can not be blank"));
                return List.of();
            }
            if (equals < 0) {
                args.add(EnvVar.literal(word, null, false, instruction.origin()));
            } else {
                ShellWords.Word value = ShellWords.unquote(word.substring(equals + 1), escape);
                args.add(EnvVar.literal(word.substring(0, equals), value.value(), value.interpolated(), instruction.origin()));
            }
        }
        return args;
    }

    private static List<String> words(String arguments) {
        return arguments.isEmpty() ? List.of() : ShellWords.splitOnSeparators(arguments);
    }

    /** BuildKit's stage-name rule: {@code ^[a-z][a-z0-9-_.]*$}. */
    private static boolean isValidStageName(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') return false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (!ok) return false;
        }
        return true;
    }

    /**
     * The FROM image with the global ARGs' defaults put in ({@code $NAME}, {@code ${NAME}},
     * {@code ${NAME:-word}}, {@code ${NAME-word}}, {@code ${NAME:+word}}, {@code ${NAME+word}});
     * used only to find the earlier stage a FROM names.
     */
    private String expandGlobalArgs(String word) {
        if (word.indexOf('$') < 0) return ShellWords.unquote(word, escape).value();
        Map<String, String> values = new HashMap<>();
        for (EnvVar arg : globalArgs) {
            if (arg.value() != null) values.put(arg.name(), arg.value());
            else values.remove(arg.name());
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char ch = word.charAt(i);
            if (ch != '$' || i + 1 == word.length()) {
                if (ch != '"' && ch != '\'') out.append(ch);
                i++;
                continue;
            }
            if (word.charAt(i + 1) == '{') {
                int close = word.indexOf('}', i + 2);
                if (close < 0) return word;
                out.append(substitute(word.substring(i + 2, close), values));
                i = close + 1;
            } else {
                int end = i + 1;
                while (end < word.length() && (Character.isLetterOrDigit(word.charAt(end)) || word.charAt(end) == '_')) end++;
                if (end == i + 1) {
                    out.append('$');
                    i++;
                } else {
                    out.append(values.getOrDefault(word.substring(i + 1, end), ""));
                    i = end;
                }
            }
        }
        return out.toString();
    }

    private static String substitute(String expression, Map<String, String> values) {
        int nameEnd = 0;
        while (nameEnd < expression.length()
                && (Character.isLetterOrDigit(expression.charAt(nameEnd)) || expression.charAt(nameEnd) == '_')) nameEnd++;
        String value = values.get(expression.substring(0, nameEnd));
        String modifier = expression.substring(nameEnd);
        if (modifier.startsWith(":-")) return value == null || value.isEmpty() ? modifier.substring(2) : value;
        if (modifier.startsWith("-")) return value == null ? modifier.substring(1) : value;
        if (modifier.startsWith(":+")) return value == null || value.isEmpty() ? "" : modifier.substring(2);
        if (modifier.startsWith("+")) return value == null ? "" : modifier.substring(1);
        return value == null ? "" : value;
    }
}
