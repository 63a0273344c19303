package dev.shipshape.rules.image;

import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.image.Invocation.Script;
import dev.shipshape.rules.image.Invocation.ScriptKind;
import dev.shipshape.rules.image.ShellScript.Command;
import dev.shipshape.rules.image.ShellScript.Pipeline;
import dev.shipshape.rules.image.ShellScript.Word;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flags RUN instructions that run code fetched from the network without looking at it:
 * {@code curl … | sh}, {@code wget -qO- … | sudo bash -s --}, {@code curl … | python3 -},
 * {@code sh -c "$(curl …)"}, {@code bash <(curl …)}, {@code eval "$(wget -O- …)"}, and PowerShell's
 * {@code iex (… DownloadString …)}; in the shell form, in exec-form {@code sh -c} code and in
 * here-document scripts.
 *
 * <p>Only a program that really reads the download as code counts: {@code curl … | python3 -c
 * 'import json…'} parses JSON, {@code curl … | tar xz} unpacks, {@code wget url | sh} (no
 * {@code -O-}) pipes nothing, and {@code curl -o install.sh …} leaves room for a checksum.
 */
public final class PipeToShell implements ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-603", "pipe-to-shell")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("RUN pipes a download straight into a shell")
            .rationale("""
                    `curl … | sh` runs whatever the server sends at build time, unread and unverified: \
                    a compromised download site, a hijacked domain or a tampering proxy puts its code in \
                    every image built, with root rights in the build, and a transfer cut short runs half \
                    a script. The same Dockerfile also builds different images on different days.""")
            .remediation("Download to a file at a pinned version, check it against the published checksum or "
                    + "signature (`echo \"<sha256>  install.sh\" | sha256sum -c -`) and only then run it; or use "
                    + "`ADD --checksum=sha256:… <url>`, the distribution's package manager, or `COPY --from=` "
                    + "an official image that ships the tool.")
            .appliesTo(SourceKind.DOCKERFILE)
            .references(
                    Reference.url("CWE-494: Download of Code Without Integrity Check",
                            "https://cwe.mitre.org/data/definitions/494.html"),
                    Reference.url("Dockerfile reference: ADD --checksum",
                            "https://docs.docker.com/reference/dockerfile/#add---checksum"))
            .build();

    /** Besides interpreters, the shell built-ins that run code they are given. */
    private static final Set<String> CODE_BUILTINS = Set.of("eval", "source", ".");
    private static final Pattern POWERSHELL_RUNS_CODE = Pattern.compile("(?i)(?<![\\w-])(iex|invoke-expression)(?![\\w-])");
    private static final Pattern POWERSHELL_DOWNLOADS = Pattern.compile(
            "(?i)(?<![\\w-])(downloadstring|invoke-webrequest|iwr|invoke-restmethod|irm)(?![\\w-])");
    private static final int SHOWN_URL_LENGTH = 80;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Image image) {
        return image.stages().stream()
                .flatMap(stage -> stage.instructions().stream())
                .filter(instruction -> instruction.keyword().equals("RUN"))
                .flatMap(run -> downloadRunAsCode(run).map(how -> Finding.of(INFO, run.origin(),
                        "RUN runs code downloaded at build time without verifying it: " + how)).stream());
    }

    /** How the RUN runs downloaded code ({@code curl https://… | sh}), or empty when it does not. */
    static Optional<String> downloadRunAsCode(Instruction run) {
        for (Pipeline pipeline : RunScripts.pipelines(run)) {
            Optional<String> found = pipedIntoInterpreter(pipeline).or(() -> substitutedIntoInterpreter(pipeline));
            if (found.isPresent()) return found;
        }
        String text = run.isExecForm() ? String.join(" ", run.execForm()) : run.arguments() + "\n" + String.join("\n", run.heredocs());
        if (POWERSHELL_RUNS_CODE.matcher(text).find() && POWERSHELL_DOWNLOADS.matcher(text).find()) {
            return Optional.of("PowerShell Invoke-Expression of a downloaded script");
        }
        return Optional.empty();
    }

    /** {@code curl … | [tee …|] sudo bash -s --}: a download upstream of a program that runs its stdin. */
    private static Optional<String> pipedIntoInterpreter(Pipeline pipeline) {
        String download = null;
        for (Command command : pipeline.commands()) {
            Optional<Invocation> found = Invocation.of(command);
            if (found.isEmpty()) continue;
            Invocation invocation = found.get();
            if (download != null && runsCode(invocation) && invocation.script().kind() == ScriptKind.STDIN) {
                return Optional.of(download + " | " + shown(invocation));
            }
            if (download == null && downloadsToStdout(invocation)) download = shownDownload(invocation);
        }
        return Optional.empty();
    }

    /** {@code sh -c "$(curl …)"}, {@code eval "$(curl …)"}, {@code bash <(curl …)}, {@code source <(wget -O- …)}. */
    private static Optional<String> substitutedIntoInterpreter(Pipeline pipeline) {
        for (Command command : pipeline.commands()) {
            Optional<Invocation> found = Invocation.of(command);
            if (found.isEmpty() || !runsCode(found.get())) continue;
            Invocation invocation = found.get();
            Script script = invocation.script();
            if (script.kind() == ScriptKind.CODE) {
                Optional<String> download = downloadIn(script.word().onlySubstitution());
                if (download.isPresent()) return Optional.of(shown(invocation) + " \"$(" + download.get() + ")\"");
            } else if (script.kind() == ScriptKind.FILE) {
                Optional<String> download = downloadIn(script.word().processSubstitution());
                if (download.isPresent()) return Optional.of(shown(invocation) + " <(" + download.get() + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> downloadIn(String substitution) {
        if (substitution == null) return Optional.empty();
        return ShellScript.parse(substitution).stream()
                .flatMap(pipeline -> pipeline.commands().stream())
                .flatMap(command -> Invocation.of(command).stream())
                .filter(PipeToShell::downloadsToStdout)
                .map(PipeToShell::shownDownload)
                .findFirst();
    }

    private static boolean runsCode(Invocation invocation) {
        return invocation.isInterpreter() || CODE_BUILTINS.contains(invocation.program());
    }

    /** curl writes to stdout unless told {@code -o FILE} or {@code -O}; wget only when told {@code -O -}. */
    static boolean downloadsToStdout(Invocation invocation) {
        return switch (invocation.program()) {
            case "curl" -> curlToStdout(invocation.arguments());
            case "wget" -> wgetToStdout(invocation.arguments());
            default -> false;
        };
    }

    private static boolean curlToStdout(List<Word> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String value = arguments.get(i).value();
            if (value.equals("-o") || value.equals("--output")) return isStdout(next(arguments, i));
            if (value.startsWith("--output=")) return isStdout(value.substring("--output=".length()));
            if (value.equals("--remote-name") || value.equals("--remote-name-all")) return false;
            if (isShortOptions(value)) {
                String letters = value.substring(1);
                int output = letters.indexOf('o');
                int remoteName = letters.indexOf('O');
                if (remoteName >= 0 && (output < 0 || remoteName < output)) return false;
                if (output >= 0) {
                    String attached = letters.substring(output + 1);
                    return isStdout(attached.isEmpty() ? next(arguments, i) : attached);
                }
            }
        }
        return true;
    }

    private static boolean wgetToStdout(List<Word> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String value = arguments.get(i).value();
            if (value.equals("--output-document")) return isStdout(next(arguments, i));
            if (value.startsWith("--output-document=")) return isStdout(value.substring("--output-document=".length()));
            if (isShortOptions(value)) {
                int output = value.indexOf('O');
                if (output > 0) {
                    String attached = value.substring(output + 1);
                    return isStdout(attached.isEmpty() ? next(arguments, i) : attached);
                }
            }
        }
        return false;
    }

    private static boolean isShortOptions(String value) {
        return value.length() > 1 && value.charAt(0) == '-' && value.charAt(1) != '-';
    }

    private static String next(List<Word> arguments, int i) {
        return i + 1 < arguments.size() ? arguments.get(i + 1).value() : null;
    }

    private static boolean isStdout(String target) {
        return "-".equals(target) || "/dev/stdout".equals(target);
    }

    /** {@code curl https://get.example.com/install.sh}: the downloader and the first URL it names. */
    private static String shownDownload(Invocation download) {
        return download.arguments().stream()
                .map(Word::value)
                .filter(value -> value.startsWith("http://") || value.startsWith("https://") || value.startsWith("ftp://"))
                .findFirst()
                .map(url -> download.program() + " " + (url.length() > SHOWN_URL_LENGTH ? url.substring(0, SHOWN_URL_LENGTH) + "…" : url))
                .orElse(download.program() + " …");
    }

    /** The interpreter as a reader recognizes it: {@code sudo bash}, {@code python3}. */
    private static String shown(Invocation invocation) {
        return (invocation.usesSudo() && !invocation.program().equals("sudo") ? "sudo " : "") + invocation.program();
    }
}
