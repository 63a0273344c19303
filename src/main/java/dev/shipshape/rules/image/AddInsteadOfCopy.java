package dev.shipshape.rules.image;

import dev.shipshape.model.Image;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags an ADD that only copies: one of its sources is a local file or folder (or an inline
 * here-document) that ADD will not unpack, so COPY does the same. A source counts as unpacked
 * when its name says it may be a tar archive, compressed or not ({@code .tar}, {@code .tgz},
 * {@code .tar.gz}, {@code .tar.zst} … and the bare compression suffixes {@code .gz}, {@code .bz2},
 * {@code .xz}, {@code .zst}, since Docker decides by the content), unless {@code --unpack=false}
 * says otherwise. A zip is not unpacked by ADD, so {@code ADD app.zip} is flagged, unlike in hadolint.
 * URLs and git sources are remote-add's business. A source whose variable has no known value is
 * judged by its destination only: {@code ADD ${JAR_FILE} app.jar} copies a file.
 */
public final class AddInsteadOfCopy implements ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-601", "add-instead-of-copy")
            .pillar(Pillar.SECURITY)
            .severity(Severity.LOW)
            .title("ADD used where COPY would do")
            .rationale("""
                    ADD does more than copy: it unpacks local tar archives and fetches URLs. Used for plain \
                    files, it hides what the instruction does, and a source that turns out to be a tar \
                    (a renamed or newly added archive) is silently exploded into the destination instead \
                    of copied. COPY does only what it says.""")
            .remediation("Replace `ADD` with `COPY` (it takes the same `--chown`, `--chmod` and `--link` flags); "
                    + "keep `ADD` only to unpack a local tar archive.")
            .appliesTo(SourceKind.DOCKERFILE)
            .references(
                    Reference.cisDocker("4.9"),
                    Reference.url("hadolint DL3020: use COPY instead of ADD for files and folders",
                            "https://github.com/hadolint/hadolint/wiki/DL3020"),
                    Reference.url("Docker: building best practices, ADD or COPY",
                            "https://docs.docker.com/build/building/best-practices/#add-or-copy"))
            .build();

    /** Names Docker may unpack: it looks at the content, so any tar or compressed name may be a tar archive. */
    private static final List<String> ARCHIVE_SUFFIXES = List.of(
            ".tar", ".tgz", ".taz", ".tbz", ".tbz2", ".tb2", ".txz", ".tzst", ".gz", ".bz2", ".xz", ".zst");
    private static final int SHOWN_SOURCES = 3;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Image image) {
        return CopyInstruction.in(image).stream()
                .filter(copy -> copy.instruction().keyword().equals("ADD"))
                .flatMap(add -> problem(add).map(problem -> Finding.of(INFO, add.instruction().origin(), problem)).stream());
    }

    private static Optional<String> problem(CopyInstruction add) {
        String unpack = add.instruction().flags().get("unpack");
        boolean unpacks = !"false".equalsIgnoreCase(unpack);
        boolean toPlainFile = namesPlainFile(add.destination());
        List<CopyInstruction.Source> copiedOnly = add.sources().stream()
                .filter(source -> source.hereDocument()
                        || !source.isRemote() && (source.isResolved() ? !(unpacks && mayBeUnpacked(source.fileName())) : toPlainFile))
                .toList();
        if (copiedOnly.isEmpty()) return Optional.empty();
        String shown = String.join(", ", copiedOnly.stream().limit(SHOWN_SOURCES).map(source -> shown(source, add.destination())).toList())
                + (copiedOnly.size() > SHOWN_SOURCES ? ", …" : "");
        String why = unpacks ? "nothing there is an archive for ADD to unpack" : "--unpack=false turns unpacking off";
        return Optional.of("ADD only copies " + shown + " (" + why + "): use COPY");
    }

    /** True when ADD may unpack a file of this name: a tar archive, compressed or not; never a zip. */
    static boolean mayBeUnpacked(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return ARCHIVE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /**
     * A source whose variable has no default ({@code ADD ${JAR_FILE} app.jar}) is judged by its
     * destination: a file name with an extension ADD never unpacks into cannot receive an unpacked tree.
     */
    static boolean namesPlainFile(String destination) {
        if (destination == null || destination.endsWith("/") || destination.contains("$")) return false;
        String name = destination.substring(destination.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 && !mayBeUnpacked(name);
    }

    private static String shown(CopyInstruction.Source source, String destination) {
        if (source.hereDocument()) return "an inline here-document (" + source.written() + ")";
        if (!source.isResolved()) return "'" + source.written() + "' (to the file '" + destination + "')";
        return source.written().equals(source.resolved())
                ? "'" + source.written() + "'"
                : "'" + source.written() + "' (= '" + source.resolved() + "')";
    }
}
