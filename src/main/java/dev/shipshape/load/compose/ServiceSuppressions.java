package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.load.compose.ComposeNode.Sequence;
import dev.shipshape.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service's {@code x-shipshape: {ignore: {<rule>: <reason>}}} as {@link Suppression}s covering the
 * service's lines, in every file that defines the service (the first file and its override).
 * {@code ignore: [<rule>, …]} is accepted too, with no reason (which the policy reports).
 */
final class ServiceSuppressions {

    /** The lines of one file that define a service. */
    record Span(String file, int firstLine, int lastLine) {
    }

    private final SettingReader reader;

    ServiceSuppressions(SettingReader reader) {
        this.reader = reader;
    }

    List<Suppression> of(Mapping service, List<Span> spans) {
        Optional<Mapping> extension = reader.mapping(service, "x-shipshape");
        if (extension.isEmpty()) return List.of();
        Optional<ComposeNode> ignore = extension.get().get("ignore");
        if (ignore.isEmpty()) return List.of();
        List<Suppression> suppressions = new ArrayList<>();
        switch (ignore.get()) {
            case Mapping rules -> {
                for (Member rule : rules.members()) {
                    String reason = rule.value() instanceof Scalar scalar ? scalar.text() : null;
                    if (!(rule.value() instanceof Scalar)) {
                        reader.error(rule.value().origin(), "the reason for ignoring " + rule.key() + " must be text, not " + rule.value().describeType());
                    }
                    for (Span span : spans) {
                        suppressions.add(new Suppression(rule.key(), reason, span.file(), span.firstLine(), span.lastLine(), rule.keyOrigin()));
                    }
                }
            }
            case Sequence rules -> {
                for (ComposeNode rule : rules.items()) {
                    reader.itemText(rule, "a rule name").ifPresent(name -> {
                        for (Span span : spans) {
                            suppressions.add(new Suppression(name, null, span.file(), span.firstLine(), span.lastLine(), rule.origin()));
                        }
                    });
                }
            }
            case Scalar scalar when scalar.isNull() -> { }
            default -> reader.error(ignore.get().origin(), "x-shipshape.ignore must map rule names to reasons, not " + ignore.get().describeType());
        }
        return suppressions;
    }
}
