package dev.shipshape.gate.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.gate.Decision;
import dev.shipshape.load.gate.AuthzRequest;
import dev.shipshape.load.gate.GateInput;
import dev.shipshape.policy.Enforcement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T19:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void aRequestThatWasNotModelledIsALineWithoutAModel() {
        StringWriter out = new StringWriter();
        ObservationLog log = new ObservationLog(out, false, new PrintWriter(new StringWriter()), CLOCK);
        AuthzRequest ping = new AuthzRequest("", "HEAD", "/_ping", Optional.empty(), Map.of());

        log.observed(Optional.of(ping), Optional.of(new GateInput.NotInspected()), Decision.allowed());
        log.observed(Optional.empty(), Optional.empty(), Decision.undecided(Enforcement.Failure.CLOSED, "the authorization request is not JSON"));

        assertThat(out.toString()).isEqualTo("""
                {"observed":"2026-12-07T19:00:00Z","method":"HEAD","uri":"/_ping","input":"not-inspected","decision":"allowed","rules":[],"message":""}
                {"observed":"2026-12-07T19:00:00Z","method":"","uri":"","input":"unread","decision":"denied","rules":["undecidable-request"],\
                "message":"shipshape denied: undecidable-request: the authorization request is not JSON (set \\"enforce\\" in .shipshape.yaml to change this)"}
                """);
    }

    @Test
    void aLogThatCannotBeWrittenSaysSoOnceAndTheGateGoesOn() {
        StringWriter err = new StringWriter();
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ObservationLog log = new ObservationLog(broken, true, new PrintWriter(err, true), CLOCK);

        log.observed(Optional.empty(), Optional.empty(), Decision.allowed());
        log.observed(Optional.empty(), Optional.empty(), Decision.allowed());

        assertThat(err.toString()).isEqualTo("shipshape serve: cannot write the observation log: No space left on device\n");
    }

    @Test
    void aFileInAFolderThatIsAFileCannotBeOpened() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");

        assertThatThrownBy(() -> ObservationLog.toFile(notAFolder.resolve("observations.jsonl"), new PrintWriter(new StringWriter()), CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot open the observation log " + notAFolder.resolve("observations.jsonl") + " (file already exists)");
    }
}
