package dev.shipshape.load.gate;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Go type a JSON value is decoded into by the daemon, as far as {@code encoding/json} cares: a
 * pointer decodes as what it points to (and {@code null} makes it nil), so pointers are not types here.
 */
sealed interface GoType {

    /** {@code bool}. */
    record Bool() implements GoType {
    }

    /** {@code string}, and string types such as {@code container.NetworkMode}. */
    record Text() implements GoType {
    }

    /** {@code []byte}: a base64 string. */
    record Bytes() implements GoType {
    }

    /**
     * An integer type: {@code strconv.ParseInt}/{@code ParseUint} of the literal, then a range check.
     * {@code minLong} and {@code maxLong} are the same range clamped to a Java long, for literals that fit one.
     */
    record Integer(String goName, BigInteger min, BigInteger max, long minLong, long maxLong) implements GoType {

        Integer(String goName, BigInteger min, BigInteger max) {
            this(goName, min, max, min.max(BigInteger.valueOf(Long.MIN_VALUE)).longValue(),
                    max.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue());
        }
    }

    /** {@code float32} or {@code float64}. */
    record Float(String goName, double max) implements GoType {
    }

    /** moby's {@code strslice.StrSlice} (20.10): a list of strings, or one string that stands for a list of one. */
    record StrSlice() implements GoType {
    }

    /** A slice or fixed-size array. */
    record Slice(GoType element) implements GoType {
    }

    /** {@code map[string]T}: its keys are data. */
    record MapOf(GoType value) implements GoType {
    }

    /** {@code interface{}} or a type whose content the gate never reads: any JSON, kept as written. */
    record Any() implements GoType {
    }

    /**
     * A struct: its fields by the name Go matches (the json tag, or the field name), promoted fields
     * of embedded structs included.
     */
    final class Struct implements GoType {

        private final String name;
        private final Map<String, GoType> fields = new LinkedHashMap<>();
        /** The fields by name, for the decoder: name, type and number in one lookup. */
        private final Map<String, Field> byName = new HashMap<>();
        /** Fields by their fold key ({@link GoJson#foldKey}), for Go's case-insensitive match. */
        private final Map<String, Field> byFold = new HashMap<>();
        /** Field names by Java's looser case mapping, to spot keys only a Java reader would take for a field. */
        private final Map<String, String> byJavaFold = new HashMap<>();

        Struct(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        /** A field as the decoder looks it up: {@code index} numbers the struct's fields from 0, in declaration order. */
        record Field(String name, GoType type, int index) {
        }

        Struct field(String field, GoType type) {
            fields.put(field, type);
            Field earlier = byName.get(field);
            Field entry = new Field(field, type, earlier == null ? byName.size() : earlier.index());
            byName.put(field, entry);
            byFold.put(GoJson.foldKey(field), entry);
            byJavaFold.put(field.toLowerCase(java.util.Locale.ROOT), field);
            return this;
        }

        /** Every field of {@code other} as a field of this struct (Go's promotion of an embedded struct's fields). */
        Struct embed(Struct other) {
            other.fields.forEach(this::field);
            return this;
        }

        Map<String, GoType> fields() {
            return Collections.unmodifiableMap(fields);
        }

        boolean has(String field) {
            return fields.containsKey(field);
        }

        /** The number of fields: every {@link Field#index()} is below it. */
        int size() {
            return byName.size();
        }

        /** The field a key written in a body sets, as Go matches it: exactly, else with Go's case folding; null when none. */
        Field fieldFor(String key) {
            Field exact = byName.get(key);
            return exact != null ? exact : byFold.get(GoJson.foldKey(key));
        }

        /** The field a key would set if it were folded as Java folds case ({@code ı} is i, {@code ß} is ss), when Go sets none. */
        Optional<String> javaOnlyFieldFor(String key) {
            return Optional.ofNullable(byJavaFold.get(key.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT)));
        }

        GoType typeOf(String field) {
            return fields.get(field);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
