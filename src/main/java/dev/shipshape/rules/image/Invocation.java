package dev.shipshape.rules.image;

import dev.shipshape.rules.image.ShellScript.Command;
import dev.shipshape.rules.image.ShellScript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The program a simple command runs once the words that only set it up are peeled off: variable
 * assignments ({@code DEBIAN_FRONTEND=noninteractive}), control words ({@code then}, {@code do}, {@code !})
 * and wrappers that run another program ({@code sudo -E}, {@code env X=1}, {@code nice -n 5},
 * {@code busybox}, {@code gosu app} …).
 *
 * @param program   the program's file name without its directory ({@code /bin/sh} is {@code sh})
 * @param arguments the words after the program
 * @param wrappers  the wrappers peeled off, outermost first
 */
record Invocation(String program, List<Word> arguments, List<String> wrappers) {

    Invocation {
        arguments = List.copyOf(arguments);
        wrappers = List.copyOf(wrappers);
    }

    /** Where a program reads the code it runs. */
    enum ScriptKind {
        /** From its standard input: {@code sh}, {@code bash -s --}, {@code python3 -}. */
        STDIN,
        /** From an argument that is the code itself: {@code sh -c '…'}, {@code python -c '…'}, {@code eval …}. */
        CODE,
        /** From a file named by an argument: {@code sh install.sh}, {@code bash <(curl …)}. */
        FILE,
        /** It runs no code it was given ({@code python -m pip}, or it is no interpreter). */
        NONE
    }

    /** Where the code comes from; {@code word} is the code or the file for CODE and FILE, else null. */
    record Script(ScriptKind kind, Word word) {

        static final Script NONE = new Script(ScriptKind.NONE, null);
        static final Script STDIN = new Script(ScriptKind.STDIN, null);
    }

    static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "ash", "dash", "ksh", "mksh", "yash", "fish");

    private static final Set<String> CONTROL_WORDS = Set.of(
            "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=.*", Pattern.DOTALL);
    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*|pypy[0-9.]*");
    private static final Set<String> OTHER_INTERPRETERS = Set.of("perl", "ruby", "node", "nodejs", "php");
    /** Besides shells, the commands whose code argument is shell code: {@code su -c}, {@code runuser -c}, {@code eval}. */
    private static final Set<String> SHELL_CODE_RUNNERS = Set.of("su", "runuser", "eval");
    private static final Set<String> STDIN_FILES = Set.of("/dev/stdin", "/proc/self/fd/0", "/dev/fd/0");

    /** A wrapper: its options that take a value, how many operands come before the wrapped program, and whether {@code NAME=value} may follow. */
    private record Wrapper(Set<String> optionsWithValue, int operands, boolean takesAssignments) {
    }

    private static final Map<String, Wrapper> WRAPPERS = Map.ofEntries(
            Map.entry("sudo", new Wrapper(Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "-R",
                    "--user", "--group", "--chdir", "--close-from", "--host", "--prompt", "--role", "--type",
                    "--other-user", "--command-timeout", "--chroot"), 0, true)),
            Map.entry("doas", new Wrapper(Set.of("-u", "-C"), 0, false)),
            Map.entry("env", new Wrapper(Set.of("-u", "-C", "-S", "--unset", "--chdir", "--split-string"), 0, true)),
            Map.entry("nice", new Wrapper(Set.of("-n", "--adjustment"), 0, false)),
            Map.entry("nohup", new Wrapper(Set.of(), 0, false)),
            Map.entry("time", new Wrapper(Set.of("-f", "-o", "--format", "--output"), 0, false)),
            Map.entry("exec", new Wrapper(Set.of("-a"), 0, false)),
            Map.entry("busybox", new Wrapper(Set.of(), 0, false)),
            Map.entry("timeout", new Wrapper(Set.of("-s", "-k", "--signal", "--kill-after"), 1, false)),
            Map.entry("gosu", new Wrapper(Set.of(), 1, false)),
            Map.entry("su-exec", new Wrapper(Set.of(), 1, false)),
            Map.entry("stdbuf", new Wrapper(Set.of("-i", "-o", "-e"), 0, false)),
            Map.entry("chroot", new Wrapper(Set.of("--userspec", "--groups"), 1, false)));

    /** The invocation of a command, or empty when it runs nothing (only assignments or control words). */
    static Optional<Invocation> of(Command command) {
        List<Word> words = command.words();
        List<String> wrappers = new ArrayList<>();
        int i = 0;
        while (i < words.size() && (CONTROL_WORDS.contains(words.get(i).value()) || isAssignment(words.get(i)))) i++;
        while (i < words.size()) {
            String name = fileName(words.get(i).value());
            Wrapper wrapper = WRAPPERS.get(name);
            if (wrapper == null) break;
            int next = skipWrapperWords(words, i + 1, wrapper);
            if (next >= words.size()) break; // `sudo -v`, a bare `env`: the wrapper is the program
            wrappers.add(name);
            i = next;
        }
        if (i >= words.size()) return Optional.empty();
        return Optional.of(new Invocation(fileName(words.get(i).value()), words.subList(i + 1, words.size()), wrappers));
    }

    private static int skipWrapperWords(List<Word> words, int from, Wrapper wrapper) {
        int i = from;
        while (i < words.size()) {
            String value = words.get(i).value();
            if (value.equals("--")) {
                i++;
                break;
            }
            if (!value.startsWith("-") || value.equals("-")) break;
            i += wrapper.optionsWithValue().contains(value) ? 2 : 1;
        }
        while (wrapper.takesAssignments() && i < words.size() && isAssignment(words.get(i))) i++;
        return i + wrapper.operands();
    }

    private static boolean isAssignment(Word word) {
        return ASSIGNMENT.matcher(word.text()).matches();
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    boolean isShell() {
        return SHELLS.contains(program);
    }

    /** True when the code this program is given is shell code: a shell, {@code su -c}, {@code eval}. */
    boolean runsShellCode() {
        return isShell() || SHELL_CODE_RUNNERS.contains(program);
    }

    /** True for programs that run code they are given: shells and the common script interpreters. */
    boolean isInterpreter() {
        return isShell() || PYTHON.matcher(program).matches() || OTHER_INTERPRETERS.contains(program);
    }

    /** True when the wrappers include {@code sudo}, or the program is {@code sudo} itself ({@code sudo -v}). */
    boolean usesSudo() {
        return program.equals("sudo") || wrappers.contains("sudo");
    }

    /** Where this program reads the code it runs. */
    Script script() {
        if (isShell()) return shellScript();
        if (PYTHON.matcher(program).matches()) return interpreterScript(Set.of('c'), Set.of('m'), Set.of("-W", "-X", "--check-hash-based-pycs"));
        return switch (program) {
            case "perl" -> interpreterScript(Set.of('e', 'E'), Set.of(), Set.of("-I", "-M", "-m"));
            case "ruby" -> interpreterScript(Set.of('e'), Set.of(), Set.of("-r", "-I", "-C"));
            case "node", "nodejs" -> nodeScript();
            case "php" -> interpreterScript(Set.of('r'), Set.of(), Set.of("-c", "-d", "-z"));
            case "su", "runuser" -> optionCode(Set.of("-c", "--command"));
            case "eval" -> arguments.isEmpty() ? Script.NONE : new Script(ScriptKind.CODE, arguments.getFirst());
            case "source", "." -> arguments.isEmpty() ? Script.NONE : file(arguments.getFirst());
            default -> Script.NONE;
        };
    }

    /** sh and friends: {@code -c} takes the code as the first operand, {@code -s} reads stdin, else the first operand is the script. */
    private Script shellScript() {
        boolean command = false;
        boolean optionsDone = false;
        for (int i = 0; i < arguments.size(); i++) {
            String value = arguments.get(i).value();
            boolean option = !optionsDone && value.length() > 1 && (value.startsWith("-") || value.startsWith("+"));
            if (option && (value.equals("--") || value.equals("-"))) {
                optionsDone = true;
            } else if (option && value.startsWith("--")) {
                if (value.equals("--rcfile") || value.equals("--init-file")) i++;
            } else if (option) {
                String letters = value.substring(1);
                if (value.startsWith("-") && letters.indexOf('c') >= 0) command = true;
                if (value.startsWith("-") && letters.indexOf('s') >= 0 && !command) return Script.STDIN;
                if (letters.endsWith("o") || letters.endsWith("O")) i++;
            } else if (!optionsDone && value.equals("-")) {
                optionsDone = true;
            } else {
                return command ? new Script(ScriptKind.CODE, arguments.get(i)) : file(arguments.get(i));
            }
        }
        return command ? Script.NONE : Script.STDIN;
    }

    /**
     * Python, Perl, Ruby, PHP: a short option whose letters include a code letter takes the code as
     * the next word; one with a module letter runs no given code; {@code -} or no operand reads stdin.
     */
    private Script interpreterScript(Set<Character> codeLetters, Set<Character> moduleLetters, Set<String> optionsWithValue) {
        for (int i = 0; i < arguments.size(); i++) {
            String value = arguments.get(i).value();
            if (value.equals("-")) return Script.STDIN;
            if (value.equals("--")) return i + 1 < arguments.size() ? file(arguments.get(i + 1)) : Script.STDIN;
            if (!value.startsWith("-")) return file(arguments.get(i));
            if (value.startsWith("--")) continue;
            if (optionsWithValue.contains(value)) {
                i++;
                continue;
            }
            for (char letter : value.substring(1).toCharArray()) {
                if (moduleLetters.contains(letter)) return Script.NONE;
                if (codeLetters.contains(letter)) {
                    return i + 1 < arguments.size() ? new Script(ScriptKind.CODE, arguments.get(i + 1)) : Script.NONE;
                }
            }
        }
        return Script.STDIN;
    }

    /** {@code su -c 'cmd' user}: the code is the value of an option, and the command runs no code otherwise. */
    private Script optionCode(Set<String> codeOptions) {
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (codeOptions.contains(arguments.get(i).value())) return new Script(ScriptKind.CODE, arguments.get(i + 1));
        }
        return Script.NONE;
    }

    private Script nodeScript() {
        for (int i = 0; i < arguments.size(); i++) {
            String value = arguments.get(i).value();
            switch (value) {
                case "-" -> {
                    return Script.STDIN;
                }
                case "-e", "--eval", "-p", "--print" -> {
                    return i + 1 < arguments.size() ? new Script(ScriptKind.CODE, arguments.get(i + 1)) : Script.NONE;
                }
                case "-r", "--require", "--import", "--loader" -> i++;
                default -> {
                    if (!value.startsWith("-")) return file(arguments.get(i));
                }
            }
        }
        return Script.STDIN;
    }

    private static Script file(Word word) {
        return STDIN_FILES.contains(word.value()) ? Script.STDIN : new Script(ScriptKind.FILE, word);
    }
}
