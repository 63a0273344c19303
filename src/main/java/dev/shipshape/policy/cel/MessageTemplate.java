package dev.shipshape.policy.cel;

import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A custom rule's message: text with {@code {{expression}}} parts, each a CEL expression over the
 * rule's variables ({@code {{workload.name}}}, {@code {{container.ports.size()}}}), compiled when the
 * rule is loaded. A part that cannot be evaluated (an absent optional field) is shown as
 * {@value #UNSET}.
 */
final class MessageTemplate {

    static final String UNSET = "<unset>";

    /** Why a template is not usable, and at which character of the message (0-based). */
    static final class Invalid extends Exception {
        private final int offset;

        Invalid(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    private sealed interface Part permits Text, Expression {
    }

    private record Text(String text) implements Part {
    }

    private record Expression(CelEnvironment.Program program) implements Part {
    }

    private final List<Part> parts;

    private MessageTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    static MessageTemplate compile(Match match, String template) throws Invalid {
        List<Part> parts = new ArrayList<>();
        int position = 0;
        while (position < template.length()) {
            int open = template.indexOf("{{", position);
            if (open < 0) {
                parts.add(new Text(template.substring(position)));
                break;
            }
            if (open > position) parts.add(new Text(template.substring(position, open)));
            int close = template.indexOf("}}", open + 2);
            if (close < 0) throw new Invalid("'{{' is not closed with '}}'", open);
            String source = template.substring(open + 2, close);
            int leading = source.length() - source.stripLeading().length();
            if (source.isBlank()) throw new Invalid("'{{}}' holds no expression", open);
            try {
                parts.add(new Expression(CelEnvironment.compile(match, source)));
            } catch (CelEnvironment.CompileFailure failure) {
                CelEnvironment.CompileError first = failure.errors().getFirst();
                int offset = first.line() == 1 ? open + 2 + first.column() - 1 : open + 2 + leading;
                throw new Invalid(first.message(), offset);
            }
            position = close + 2;
        }
        return new MessageTemplate(parts);
    }

    String render(Map<String, Object> variables) {
        StringBuilder message = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text text -> message.append(text.text());
                case Expression expression -> {
                    try {
                        message.append(display(expression.program().evaluate(variables)));
                    } catch (CelEvaluationException | RuntimeException cannotEvaluate) {
                        message.append(UNSET);
                    }
                }
            }
        }
        return message.toString();
    }

    /** A CEL value as text: lists joined with ", ", maps as key=value, an empty optional as {@value #UNSET}. */
    static String display(Object value) {
        return switch (value) {
            case null -> UNSET;
            case Optional<?> optional -> optional.map(MessageTemplate::display).orElse(UNSET);
            case Collection<?> items -> items.stream().map(MessageTemplate::display).collect(Collectors.joining(", "));
            case Map<?, ?> map -> map.entrySet().stream()
                    .map(entry -> display(entry.getKey()) + "=" + display(entry.getValue()))
                    .collect(Collectors.joining(", "));
            default -> value.toString();
        };
    }
}
