package dev.shipshape.load.compose;

import dev.shipshape.model.Origin;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Compose document after interpolation: a tree that can be merged (override files, {@code extends})
 * while every value keeps the origin of the file it was written in.
 *
 * <p>{@link dev.shipshape.load.yaml.YamlNode} is a read-only view of one parsed file; merging
 * several files needs a tree of our own, and this is it.
 */
sealed interface ComposeNode permits ComposeNode.Scalar, ComposeNode.Mapping, ComposeNode.Sequence {

    String RESET_TAG = "!reset";
    String OVERRIDE_TAG = "!override";

    Origin origin();

    /** The last line the node occupies in its own file. */
    int lastLine();

    /** {@code !reset}, {@code !override} (kept only where a merge will read it), or null. */
    String tag();

    default boolean isReset() {
        return RESET_TAG.equals(tag());
    }

    /** What kind of node this is, in words for messages. */
    default String describeType() {
        return switch (this) {
            case Mapping mapping -> "a mapping";
            case Sequence sequence -> "a list";
            case Scalar scalar -> scalar.isNull() ? "null" : "a scalar";
        };
    }

    /**
     * A scalar after interpolation.
     *
     * @param text         the value, null for YAML null (an empty value, {@code ~}, {@code null})
     * @param interpolated true when the written value referred to a variable
     */
    record Scalar(String text, boolean interpolated, Origin origin, String tag) implements ComposeNode {

        boolean isNull() {
            return text == null;
        }

        @Override
        public int lastLine() {
            return origin.line();
        }

        /** true/false written as a YAML boolean or as a string (Compose allows strings so that they can be interpolated). */
        Optional<Boolean> bool() {
            if (text == null) return Optional.empty();
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Optional.of(Boolean.TRUE);
                case "false" -> Optional.of(Boolean.FALSE);
                default -> Optional.empty();
            };
        }

        /** A whole number written as an int or a numeric string. */
        Optional<Long> integer() {
            if (text == null) return Optional.empty();
            try {
                return Optional.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
    }

    /** A mapping; repeated keys are all kept, in order. */
    record Mapping(List<Member> members, Origin origin, int lastLine, String tag) implements ComposeNode {

        public Mapping {
            members = List.copyOf(members);
        }

        /** The last member with this key (YAML's "later wins"). */
        Optional<Member> member(String key) {
            Member found = null;
            for (Member member : members) {
                if (member.key().equals(key)) found = member;
            }
            return Optional.ofNullable(found);
        }

        Optional<ComposeNode> get(String key) {
            return member(key).map(Member::value);
        }

        /** The value under this key when it is a mapping. */
        Optional<Mapping> mapping(String key) {
            return get(key).filter(Mapping.class::isInstance).map(Mapping.class::cast);
        }

        Mapping withMembers(List<Member> replacement) {
            return new Mapping(replacement, origin, lastLine, tag);
        }
    }

    record Sequence(List<ComposeNode> items, Origin origin, int lastLine, String tag) implements ComposeNode {

        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * One key: value pair.
     *
     * @param keyOrigin where the key is written: what a finding about this setting points at
     */
    record Member(String key, Origin keyOrigin, ComposeNode value) {
    }
}
