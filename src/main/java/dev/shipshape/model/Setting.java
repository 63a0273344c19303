package dev.shipshape.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value a source states, with its origin; or the absence of one.
 *
 * <p>Unknown is not false: an unset setting has a {@code null} value and the origin of the
 * object that should have stated it (the service key, the container's {@code - name:}, the
 * last {@code FROM}), so a finding about something missing still points somewhere precise.
 */
public record Setting<T>(T value, Origin origin) {

    public Setting {
        Objects.requireNonNull(origin, "origin");
    }

    public static <T> Setting<T> of(T value, Origin origin) {
        return new Setting<>(Objects.requireNonNull(value, "value"), origin);
    }

    public static <T> Setting<T> unset(Origin ownerOrigin) {
        return new Setting<>(null, ownerOrigin);
    }

    public boolean isSet() {
        return value != null;
    }

    /** True only when the source says {@code true}; unset is not true. */
    public boolean isTrue() {
        return Boolean.TRUE.equals(value);
    }

    /** True only when the source says {@code false}; unset is not false. */
    public boolean isFalse() {
        return Boolean.FALSE.equals(value);
    }

    public T orElse(T fallback) {
        return value != null ? value : fallback;
    }

    public <R> Setting<R> map(Function<? super T, ? extends R> mapper) {
        return value == null ? unset(origin) : new Setting<>(mapper.apply(value), origin);
    }

    @Override
    public String toString() {
        return (value == null ? "<unset>" : value.toString()) + " @ " + origin;
    }
}
