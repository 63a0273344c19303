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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags an ADD that fetches from the network without pinning what it fetches: an http(s) URL
 * without {@code --checksum}, or a git source whose ref is not a full commit id (a branch or tag
 * can move) and that has no {@code --checksum} (or {@code ?checksum=}). One finding per ADD.
 */
public final class RemoteAdd implements ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-602", "remote-add")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("ADD fetches a remote source without a checksum")
            .rationale("""
                    An ADD of a URL puts whatever the server returns into the image, unverified: a \
                    compromised or hijacked server, or a tag or branch moved in a git repository, \
                    changes the image without a change to the Dockerfile. Without a checksum the \
                    download also escapes the build cache's content checks, so builds are not reproducible.""")
            .remediation("Add `--checksum=sha256:<digest>` to `ADD <url>` (Dockerfile syntax 1.6+); for git, "
                    + "name a full commit (`ADD https://github.com/org/repo.git#<commit sha>`) or add "
                    + "`--checksum=<commit sha>`; or download in a RUN step and verify with `sha256sum -c`.")
            .appliesTo(SourceKind.DOCKERFILE)
            .references(
                    Reference.cisDocker("4.9"),
                    Reference.url("Dockerfile reference: ADD --checksum",
                            "https://docs.docker.com/reference/dockerfile/#add---checksum"),
                    Reference.url("Dockerfile reference: adding files from a Git repository",
                            "https://docs.docker.com/reference/dockerfile/#adding-files-from-a-git-repository"))
            .build();

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
        String checksum = add.instruction().flags().get("checksum");
        if (checksum != null && !checksum.isBlank()) return Optional.empty();
        List<CopyInstruction.Source> unpinned = add.sources().stream()
                .filter(source -> source.isUrl() || source.isGit() && !source.isPinnedGitCommit())
                .toList();
        if (unpinned.isEmpty()) return Optional.empty();
        CopyInstruction.Source first = unpinned.getFirst();
        String more = unpinned.size() > 1 ? " (and " + (unpinned.size() - 1) + " more)" : "";
        return Optional.of(first.isGit()
                ? "ADD clones '" + first.written() + "'" + more + " at a ref that can move: no full commit id and no --checksum"
                : "ADD downloads '" + first.written() + "'" + more + " without --checksum, so nothing verifies what is fetched");
    }
}
