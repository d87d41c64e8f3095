package io.teei.nats.manifests.spec;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The YAML event stream with a bound on nesting depth and on aliases, checked as the events
 * arrive. snakeyaml-engine composes nested collections by recursion and has no depth limit of
 * its own, so without this a file of a few thousand '[' overflows the stack.
 */
final class BoundedParser implements Parser {

    /** Thrown at the first event past a limit; carries what to report. */
    static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Mark mark;

        LimitExceeded(String message, Mark mark) {
            super(message, null, false, false);
            this.mark = mark;
        }

        Mark mark() {
            return mark;
        }
    }

    private final Parser events;
    private int depth;
    private int aliases;

    BoundedParser(Parser events) {
        this.events = events;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return events.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return events.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return events.hasNext();
    }

    @Override
    public Event next() {
        Event event = events.next();
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > SpecLimits.MAX_DEPTH) {
                    throw new LimitExceeded("mappings and lists are nested more than " + SpecLimits.MAX_DEPTH
                            + " levels deep here", event.getStartMark().orElse(null));
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            case Alias -> {
                if (++aliases > SpecLimits.MAX_ALIASES) {
                    throw new LimitExceeded("the file uses more than " + SpecLimits.MAX_ALIASES + " YAML aliases",
                            event.getStartMark().orElse(null));
                }
            }
            default -> { }
        }
        return event;
    }
}
