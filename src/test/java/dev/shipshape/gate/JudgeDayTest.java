package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The judge keeps the day waivers are judged on between decisions: a gate that runs past midnight must see the new day. */
class JudgeDayTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {

        private Instant now;
        private final ZoneId zone;

        MovingClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovingClock(now, other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final String PRIVILEGED = "{\"Image\":\"nginx:1.27\",\"User\":\"10001\",\"HostConfig\":{\"Privileged\":true,\"Memory\":1}}";

    private static Policy waiverExpiringOn(String day) throws Exception {
        return PolicyFile.parse(".shipshape.yaml", """
                waivers:
                  - rule: privileged-container
                    target: image:nginx
                    reason: the vendor's image needs it
                    owner: platform@example.com
                    expires: %s
                """.formatted(day));
    }

    @Test
    void aWaiverStopsCountingWhenTheClockPassesMidnight() throws Exception {
        MovingClock clock = new MovingClock(Instant.parse("2027-01-31T23:59:59Z"), ZoneOffset.UTC);
        Judge judge = new Judge(waiverExpiringOn("2027-01-31"), Enforcement.DEFAULT, clock);
        assertThat(judge.judge(JudgeTest.create(PRIVILEGED)).denials()).isEmpty();

        clock.now = Instant.parse("2027-02-01T00:00:00Z");
        assertThat(judge.judge(JudgeTest.create(PRIVILEGED)).denials()).singleElement()
                .satisfies(reason -> assertThat(reason.message()).contains("expired on 2027-01-31"));
    }

    @Test
    void theDayIsTheClocksZones() throws Exception {
        // 23:30 UTC on the 31st is already February 1st in Berlin
        MovingClock clock = new MovingClock(Instant.parse("2027-01-31T23:30:00Z"), ZoneId.of("Europe/Berlin"));
        Judge judge = new Judge(waiverExpiringOn("2027-01-31"), Enforcement.DEFAULT, clock);
        assertThat(judge.judge(JudgeTest.create(PRIVILEGED)).denials()).hasSize(1);

        clock.now = Instant.parse("2027-01-31T22:59:59Z");
        assertThat(judge.judge(JudgeTest.create(PRIVILEGED)).denials()).isEmpty();
    }
}
