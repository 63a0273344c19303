package dev.shipshape.scan;

import dev.shipshape.load.yaml.NestingLimitedParser;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Tells what a YAML or JSON text is from its parsed structure, whatever its style (block, flow,
 * JSON) and whatever comes before the first key: a document whose top-level mapping has scalar
 * {@code apiVersion} and {@code kind} is a Kubernetes object; one with a {@code services} mapping
 * is a Compose file. It reads parser events, not a node tree: aliases are never expanded, memory
 * stays flat whatever the size, and it stops at the first document that decides.
 */
final class DocumentSniffer {

    /** What the structure says. */
    enum Verdict {
        KUBERNETES,
        COMPOSE,
        /** Top-level mappings holding {@code image:} or {@code build:}: a version 1 Compose file, if its name says Compose. */
        LEGACY_COMPOSE,
        /** Read to its end: none of ours. */
        NEITHER,
        /** Not readable as YAML to the end (a syntax error, or longer than the reader allows). */
        UNREADABLE
    }

    /**
     * The reader's buffer for a file streamed because it is too large to load: bigger than the
     * engine's default, which makes a long scalar cost the square of its length (see
     * {@link NestingLimitedParser#of}), yet bounded, since the file may be hundreds of megabytes.
     */
    private static final int STREAM_BUFFER = 4 * 1024 * 1024;

    private DocumentSniffer() {
    }

    static Verdict sniff(String text) {
        return sniff(NestingLimitedParser.of(settings(Math.max(text.length() + 1, 1024)), text));
    }

    /** @param maxCodePoints how much of the stream may be read before giving up */
    static Verdict sniff(Reader text, int maxCodePoints) {
        return sniff(new Parse(settings(maxCodePoints).setBufferSize(STREAM_BUFFER).build()).parseReader(text).iterator());
    }

    private static LoadSettingsBuilder settings(int maxCodePoints) {
        return LoadSettings.builder()
                .setAllowDuplicateKeys(true)
                .setUseMarks(false)
                .setCodePointLimit(maxCodePoints);
    }

    /** One open collection: a mapping tracks whether the next node is a key, and the last key read. */
    private static final class Frame {
        final boolean mapping;
        boolean expectKey = true;
        String key;

        Frame(boolean mapping) {
            this.mapping = mapping;
        }
    }

    private static Verdict sniff(Iterator<Event> events) {
        Deque<Frame> open = new ArrayDeque<>();
        boolean apiVersion = false;
        boolean kind = false;
        boolean services = false;
        boolean legacy = false;
        try {
            while (events.hasNext()) {
                Event event = events.next();
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        open.clear();
                        apiVersion = false;
                        kind = false;
                        services = false;
                    }
                    case DocumentEnd -> {
                        if (services) return Verdict.COMPOSE;
                    }
                    case MappingEnd, SequenceEnd -> open.pop();
                    case Scalar, Alias, MappingStart, SequenceStart -> {
                        Frame parent = open.peek();
                        String scalar = event instanceof ScalarEvent value ? value.getValue() : null;
                        if (parent != null && parent.mapping && parent.expectKey) {
                            parent.key = scalar;
                            parent.expectKey = false;
                            if (open.size() == 2 && isTopLevelMapping(open) && ("image".equals(scalar) || "build".equals(scalar))) {
                                legacy = true;
                            }
                        } else if (parent != null && parent.mapping) {
                            parent.expectKey = true;
                            if (open.size() == 1 && parent.key != null) {
                                Event.ID id = event.getEventId();
                                switch (parent.key) {
                                    case "apiVersion" -> apiVersion |= id == Event.ID.Scalar;
                                    case "kind" -> kind |= id == Event.ID.Scalar;
                                    case "services" -> services |= id == Event.ID.MappingStart;
                                    default -> { }
                                }
                                if (apiVersion && kind) return Verdict.KUBERNETES;
                                // Kubernetes objects start with apiVersion and kind; without them so far, services decides.
                                if (services && !apiVersion && !kind) return Verdict.COMPOSE;
                            }
                        }
                        if (open.size() >= NestingLimitedParser.MAX_DEPTH) return Verdict.UNREADABLE;
                        if (event.getEventId() == Event.ID.MappingStart) open.push(new Frame(true));
                        else if (event.getEventId() == Event.ID.SequenceStart) open.push(new Frame(false));
                    }
                    default -> { }
                }
            }
        } catch (YamlEngineException | IllegalStateException notYaml) {
            return services ? Verdict.COMPOSE : Verdict.UNREADABLE;
        }
        if (services) return Verdict.COMPOSE;
        return legacy ? Verdict.LEGACY_COMPOSE : Verdict.NEITHER;
    }

    private static boolean isTopLevelMapping(Deque<Frame> open) {
        return open.peekLast().mapping;
    }
}
