package dev.shipshape.load.yaml;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * snakeyaml-engine's parser, refusing collections nested deeper than {@link #MAX_DEPTH}. Its scanner
 * revisits every open flow collection for each token, so {@code [[[[…} runs in time that grows with
 * the square of the depth: 200,000 brackets took half a minute. Real files nest a few dozen levels
 * (a CRD's schema the most); the limit is far above that.
 */
public final class NestingLimitedParser implements Parser {

    public static final int MAX_DEPTH = 1000;

    private final Parser parser;
    private int depth;

    private NestingLimitedParser(Parser parser) {
        this.parser = parser;
    }

    /**
     * A parser of the whole {@code text}, read into one buffer: the engine's reader otherwise grows its
     * window a buffer at a time while it scans a long scalar, copying it each time, so that a 9 MB
     * string took over a minute.
     */
    public static Parser of(LoadSettingsBuilder settings, String text) {
        LoadSettings whole = settings.setBufferSize(text.length() + 1).build();
        return new NestingLimitedParser(new ParserImpl(whole, new StreamReader(whole, text)));
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event event = parser.next();
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > MAX_DEPTH) {
                    throw new ParserException("collections are nested more than " + MAX_DEPTH + " levels deep here; the rest is not read",
                            event.getStartMark());
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> { }
        }
        return event;
    }
}
