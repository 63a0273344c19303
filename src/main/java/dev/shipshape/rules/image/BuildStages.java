package dev.shipshape.rules.image;

import dev.shipshape.model.Image;
import dev.shipshape.model.Stage;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a Dockerfile's stages build on one another: a FROM that names an earlier stage (case does not
 * matter, global ARGs are put in) starts from that stage; the final image is the last stage and the
 * chain of stages it is built FROM. Other stages only feed {@code COPY --from}; their layers are
 * not shipped (they stay in the build cache).
 */
final class BuildStages {

    private BuildStages() {
    }

    /** The index of the earlier stage that stage {@code index} is built FROM, or -1 when it starts from an image. */
    static int parentOf(Image image, int index) {
        String base = image.stages().get(index).baseImage();
        String name = BuildVariables.global(image).expand(base).orElse(base).toLowerCase(Locale.ROOT);
        for (int earlier = index - 1; earlier >= 0; earlier--) {
            String earlierName = image.stages().get(earlier).name();
            if (earlierName != null && earlierName.toLowerCase(Locale.ROOT).equals(name)) return earlier;
        }
        return -1;
    }

    /** The stages whose layers end up in the final image: the last one and those it is built FROM. */
    static Set<Integer> inFinalImage(Image image) {
        Set<Integer> shipped = new TreeSet<>();
        int index = image.stages().size() - 1;
        while (index >= 0 && shipped.add(index)) index = parentOf(image, index);
        return shipped;
    }

    /** "the final stage", "stage 'build'" or "stage 2" (1-based) for a message. */
    static String describe(Image image, int index) {
        if (index == image.stages().size() - 1) return "the final stage";
        Stage stage = image.stages().get(index);
        return stage.name() != null ? "stage '" + stage.name() + "'" : "stage " + (index + 1);
    }
}
