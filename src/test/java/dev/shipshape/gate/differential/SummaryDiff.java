package dev.shipshape.gate.differential;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Two summaries of one kind compared field by field: one line per field that differs. */
final class SummaryDiff {

    private SummaryDiff() {
    }

    static <T extends Record> List<String> between(T gate, T daemon) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent component : gate.getClass().getRecordComponents()) {
            Object modelled = value(component, gate);
            Object stored = value(component, daemon);
            if (!Objects.equals(modelled, stored)) {
                differences.add("%s: the gate modelled %s, the daemon stored %s".formatted(component.getName(), modelled, stored));
            }
        }
        return differences;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
