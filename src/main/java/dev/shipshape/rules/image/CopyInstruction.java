package dev.shipshape.rules.image;

import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A COPY or ADD with its sources read: in the exec form the JSON elements are the words, in the
 * shell form the words are split on blanks and lose their surrounding quotes, as BuildKit splits
 * them; the last word is the destination. Each source's variables are put in from the ARG
 * defaults and ENV values in scope ({@link BuildVariables}). Flags ({@code --chown},
 * {@code --checksum} …) are in {@link Instruction#flags()}.
 *
 * @param stage       the index of the stage the instruction is in
 * @param sources     every word but the last
 * @param destination the last word, or null when there are fewer than two words
 */
record CopyInstruction(Instruction instruction, int stage, List<Source> sources, String destination) {

    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");

    CopyInstruction {
        sources = List.copyOf(sources);
    }

    /**
     * One source: a path or glob, a URL, a git address, or an inline {@code <<EOF} here-document.
     *
     * @param written  as written
     * @param resolved with its variables put in; null when one of them has no known value
     */
    record Source(String written, String resolved, boolean hereDocument) {

        /** The resolved text, or the written one when it could not be resolved. */
        String text() {
            return resolved != null ? resolved : written;
        }

        boolean isResolved() {
            return resolved != null;
        }

        boolean isUrl() {
            String text = text().toLowerCase(Locale.ROOT);
            return (text.startsWith("http://") || text.startsWith("https://")) && !isGit();
        }

        /** BuildKit's git sources: {@code git@host:…}, {@code git://}, {@code ssh://}, {@code github.com/…}, an http(s) URL whose path ends in {@code .git}. */
        boolean isGit() {
            String text = text().toLowerCase(Locale.ROOT);
            if (text.startsWith("git@") || text.startsWith("git://") || text.startsWith("ssh://") || text.startsWith("github.com/")) return true;
            if (!text.startsWith("http://") && !text.startsWith("https://")) return false;
            String path = text.split("[#?]", 2)[0];
            return path.endsWith(".git") || path.endsWith(".git/");
        }

        boolean isRemote() {
            return isUrl() || isGit();
        }

        /** A git source whose ref is a full commit id ({@code #<sha>}, {@code ?ref=<sha>}) or which carries {@code ?checksum=}/{@code ?commit=}. */
        boolean isPinnedGitCommit() {
            String text = text();
            int hash = text.indexOf('#');
            if (hash >= 0) {
                String ref = text.substring(hash + 1).split(":", 2)[0];
                if (FULL_COMMIT.matcher(ref).matches()) return true;
            }
            int query = text.indexOf('?');
            if (query < 0) return false;
            for (String parameter : text.substring(query + 1).split("[&#]")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length < 2) continue;
                if (pair[0].equals("checksum") || pair[0].equals("commit")) return true;
                if (pair[0].equals("ref") && FULL_COMMIT.matcher(pair[1]).matches()) return true;
            }
            return false;
        }

        /** The file or folder name the source ends with, lower case: {@code app.tar.gz} for {@code ./dist/app.tar.gz}. */
        String fileName() {
            String text = text();
            while (text.endsWith("/") && text.length() > 1) text = text.substring(0, text.length() - 1);
            return text.substring(text.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        }
    }

    /** Every COPY and ADD of the image, ONBUILD triggers included, in file order. */
    static List<CopyInstruction> in(Image image) {
        List<CopyInstruction> copies = new ArrayList<>();
        BuildVariables global = BuildVariables.global(image);
        for (int stage = 0; stage < image.stages().size(); stage++) {
            BuildVariables scope = global.stageScope();
            for (Instruction instruction : image.stages().get(stage).instructions()) {
                String keyword = instruction.keyword();
                if (keyword.equals("COPY") || keyword.equals("ADD")) copies.add(of(instruction, stage, scope));
                scope.declare(instruction);
            }
        }
        return copies;
    }

    static CopyInstruction of(Instruction instruction, int stage, BuildVariables scope) {
        List<String> words = instruction.isExecForm() ? instruction.execForm() : words(instruction.arguments());
        if (words.size() < 2) return new CopyInstruction(instruction, stage, List.of(), null);
        List<Source> sources = new ArrayList<>(words.size() - 1);
        for (String word : words.subList(0, words.size() - 1)) {
            boolean hereDocument = !instruction.isExecForm() && word.startsWith("<<") && word.length() > 2;
            sources.add(new Source(word, hereDocument ? word : scope.expand(word).orElse(null), hereDocument));
        }
        return new CopyInstruction(instruction, stage, sources, words.getLast());
    }

    private static List<String> words(String arguments) {
        List<String> words = new ArrayList<>();
        for (String word : arguments.strip().split("[ \t]+")) {
            if (!word.isEmpty()) words.add(unquote(word));
        }
        return words;
    }

    private static String unquote(String word) {
        if (word.length() >= 2) {
            char first = word.charAt(0);
            if ((first == '"' || first == '\'') && word.charAt(word.length() - 1) == first) {
                return word.substring(1, word.length() - 1);
            }
        }
        return word;
    }
}
