package dev.shipshape.cli;

import dev.shipshape.policy.Baseline;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --write-baseline FILE}, for scan and the audits: the file is written whole or not at all. */
final class BaselineFile {

    private BaselineFile() {
    }

    /** Writes the baseline; the reason when it cannot. */
    static Optional<String> write(Path target, Baseline baseline) {
        try (AtomicOutputFile file = AtomicOutputFile.prepare(target)) {
            try (Writer writer = file.writer()) {
                baseline.write(writer);
            }
            file.commit();
            return Optional.empty();
        } catch (AtomicOutputFile.CannotWrite cannotWrite) {
            return Optional.of(cannotWrite.getMessage());
        } catch (IOException failure) {
            return Optional.of("cannot write " + target + ": " + AtomicOutputFile.describe(failure));
        }
    }
}
