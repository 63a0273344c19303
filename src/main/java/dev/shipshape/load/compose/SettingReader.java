package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.load.compose.ComposeNode.Sequence;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed settings out of a Compose mapping, located at their key. A value of the wrong type
 * is an error diagnostic at the value and leaves the setting unset; an empty value that came from
 * interpolation is simply unset (the unset variable was already reported).
 */
final class SettingReader {

    private final List<Diagnostic> diagnostics;

    SettingReader(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Where problems go; the syntax classes report into it directly. */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    void error(Origin origin, String message) {
        diagnostics.add(Diagnostic.error(origin, message));
    }

    void warning(Origin origin, String message) {
        diagnostics.add(Diagnostic.warning(origin, message));
    }

    Setting<String> string(Mapping owner, String key, Origin unsetOrigin) {
        Optional<Member> member = owner.member(key);
        if (member.isEmpty()) return Setting.unset(unsetOrigin);
        return scalarText(member.get()).map(text -> Setting.of(text, member.get().keyOrigin())).orElse(Setting.unset(unsetOrigin));
    }

    Setting<Boolean> bool(Mapping owner, String key, Origin unsetOrigin) {
        Optional<Member> member = owner.member(key);
        if (member.isEmpty()) return Setting.unset(unsetOrigin);
        Optional<String> text = scalarText(member.get());
        if (text.isEmpty() || isEmptyFromVariable(member.get().value())) return Setting.unset(unsetOrigin);
        Optional<Boolean> value = ((Scalar) member.get().value()).bool();
        if (value.isEmpty()) {
            error(member.get().value().origin(), "'" + key + "' must be true or false, not \"" + text.get() + "\"");
            return Setting.unset(unsetOrigin);
        }
        return Setting.of(value.get(), member.get().keyOrigin());
    }

    Setting<Long> integer(Mapping owner, String key, Origin unsetOrigin) {
        Optional<Member> member = owner.member(key);
        if (member.isEmpty()) return Setting.unset(unsetOrigin);
        Optional<String> text = scalarText(member.get());
        if (text.isEmpty() || isEmptyFromVariable(member.get().value())) return Setting.unset(unsetOrigin);
        Optional<Long> value = ((Scalar) member.get().value()).integer();
        if (value.isEmpty()) {
            error(member.get().value().origin(), "'" + key + "' must be a whole number, not \"" + text.get() + "\"");
            return Setting.unset(unsetOrigin);
        }
        return Setting.of(value.get(), member.get().keyOrigin());
    }

    /** The items of a list; a single string counts as a one-item list when {@code stringAllowed}. */
    List<ComposeNode> list(Mapping owner, String key, boolean stringAllowed) {
        Optional<Member> member = owner.member(key);
        if (member.isEmpty()) return List.of();
        ComposeNode value = member.get().value();
        if (value instanceof Sequence sequence) return sequence.items();
        if (value instanceof Scalar scalar) {
            if (scalar.isNull()) return List.of();
            if (stringAllowed) return List.of(scalar);
        }
        error(value.origin(), "'" + key + "' must be a list" + (stringAllowed ? " or a string" : "") + ", not " + value.describeType());
        return List.of();
    }

    /** A mapping-valued setting; null is no mapping, anything else is reported. */
    Optional<Mapping> mapping(Mapping owner, String key) {
        Optional<Member> member = owner.member(key);
        if (member.isEmpty()) return Optional.empty();
        ComposeNode value = member.get().value();
        if (value instanceof Mapping mapping) return Optional.of(mapping);
        if (!(value instanceof Scalar scalar && scalar.isNull())) {
            error(value.origin(), "'" + key + "' must be a mapping, not " + value.describeType());
        }
        return Optional.empty();
    }

    /** A scalar item's text, reporting anything else (named {@code what} in the message). */
    Optional<String> itemText(ComposeNode item, String what) {
        if (item instanceof Scalar scalar && !scalar.isNull()) return Optional.of(scalar.text());
        error(item.origin(), what + " must be a string, not " + item.describeType());
        return Optional.empty();
    }

    private Optional<String> scalarText(Member member) {
        ComposeNode value = member.value();
        if (value instanceof Scalar scalar) return Optional.ofNullable(scalar.text());
        error(value.origin(), "'" + member.key() + "' must be a single value, not " + value.describeType());
        return Optional.empty();
    }

    private static boolean isEmptyFromVariable(ComposeNode value) {
        return value instanceof Scalar scalar && scalar.interpolated() && scalar.text().isBlank();
    }
}
