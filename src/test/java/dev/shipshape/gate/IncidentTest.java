package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IncidentTest {

    @Test
    void theAnswerQuotesTheIdAndTheLogAloneHoldsTheException() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Incident incident;
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            incident = Incident.report("making the /mutate patch", new IllegalStateException("boom in /srv/secret/path"));
        } finally {
            System.setErr(stderr);
        }
        String answer = incident.message("add its defaults");

        assertThat(incident.id()).matches("[0-9a-f]{1,12}");
        assertThat(answer).isEqualTo("shipshape could not add its defaults (incident " + incident.id()
                + "; its server log has the details)");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .startsWith("shipshape serve: internal error making the /mutate patch (incident " + incident.id() + "): ")
                .contains("IllegalStateException: boom in /srv/secret/path");
    }
}
