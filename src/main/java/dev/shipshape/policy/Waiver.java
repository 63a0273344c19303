package dev.shipshape.policy;

import dev.shipshape.model.Origin;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An accepted risk from {@code .shipshape.yaml}: findings of {@code rule} about {@code target} are
 * hidden until {@code expires} (that day included), and the report says who accepted them and why.
 *
 * @param rule   the rule's name (the configuration may name it by alias or id)
 * @param origin the waiver's entry in the configuration file
 */
public record Waiver(String rule, WaiverTarget target, String reason, String owner, LocalDate expires, Origin origin) {

    /** How many days before it ends a waiver is warned about. */
    public static final int EXPIRING_DAYS = 14;

    public enum Status {
        /** In force, and (when a scan was run) it hid something. */
        ACTIVE,
        /** In force, but ends within {@value #EXPIRING_DAYS} days. */
        EXPIRING,
        /** Past its date: it hides nothing any more. */
        EXPIRED,
        /** In force, but its rule ran and it matched no finding: the problem is gone, or the target is wrong. */
        UNUSED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isExpired(LocalDate today) {
        return today.isAfter(expires);
    }

    /** Days from today to the last day it holds (0 on that day, negative once expired). */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, expires);
    }

    /** The status by date alone, for when no scan tells whether it is used. */
    public Status statusOn(LocalDate today) {
        if (isExpired(today)) return Status.EXPIRED;
        return daysLeft(today) <= EXPIRING_DAYS ? Status.EXPIRING : Status.ACTIVE;
    }

    /** "waiver of 'privileged-container' for 'compose.yaml#services.web'". */
    public String describe() {
        return "waiver of '%s' for '%s'".formatted(rule, target.written());
    }
}
