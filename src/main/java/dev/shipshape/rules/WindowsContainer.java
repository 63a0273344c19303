package dev.shipshape.rules;

import dev.shipshape.model.Container;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Workload;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a Windows container from a Linux one, for the rules whose setting only exists on Linux:
 * Windows has no Linux capabilities, no setuid and no no-new-privileges, and the engine refuses a
 * read-only root filesystem or a PIDs limit for a Windows container. A container is a Windows one
 * when its image says so ({@code nats:windowsservercore}, {@code mcr.microsoft.com/windows/nanoserver},
 * {@code microsoft/mssql-server-windows-express}, {@code …:4.8-windowsservercore-ltsc2022}) or
 * when its workload is placed on Windows nodes ({@code kubernetes.io/os: windows},
 * {@code node.platform.os == windows}).
 */
public final class WindowsContainer {

    private static final Set<String> IMAGE_WORDS = Set.of("windows", "windowsservercore", "servercore", "nanoserver");
    private static final Pattern LTSC = Pattern.compile("ltsc\\d{4}");
    private static final Pattern WINDOWS_PLACEMENT = Pattern.compile(
            "(?:(?:beta\\.)?kubernetes\\.io/os\\s*=|node\\.platform\\.os\\s*==)\\s*windows", Pattern.CASE_INSENSITIVE);

    private WindowsContainer() {
    }

    /** True when the container runs on Windows, as far as its image and its placement tell. */
    public static boolean runs(Workload workload, Container container) {
        return placedOnWindows(workload) || (container.image().isSet() && windowsImage(container.image().value()));
    }

    /** A loop, not a stream: several rules ask this of every container at the gate, which mostly has no constraint. */
    private static boolean placedOnWindows(Workload workload) {
        for (Setting<String> constraint : workload.scheduling().placementConstraints()) {
            String written = constraint.value();
            if (written != null && WINDOWS_PLACEMENT.matcher(written.strip()).matches()) return true;
        }
        return false;
    }

    static boolean windowsImage(String reference) {
        Optional<ImageReference> parsed = ImageReference.parse(reference);
        if (parsed.isEmpty()) return false;
        ImageReference image = parsed.get();
        return hasWindowsWord(image.repository()) || image.hasTag() && hasWindowsWord(image.tag());
    }

    /** True when a word of {@code text} (split at / . _ -, any case) names Windows; a loop, not a regex: every container of every request asks. */
    private static boolean hasWindowsWord(String text) {
        int start = 0;
        for (int at = 0; at <= text.length(); at++) {
            if (at < text.length() && "/._-".indexOf(text.charAt(at)) < 0) continue;
            if (at > start) {
                String word = text.substring(start, at).toLowerCase(Locale.ROOT);
                if (IMAGE_WORDS.contains(word) || word.startsWith("ltsc") && LTSC.matcher(word).matches()) return true;
            }
            start = at + 1;
        }
        return false;
    }
}
