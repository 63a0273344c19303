package dev.shipshape.cli;

/** {@code rules --format}. */
enum RulesFormat {
    TEXT, JSON, MARKDOWN;

    static final class Choice extends EnumChoice<RulesFormat> {
        Choice() {
            super(RulesFormat.class);
        }
    }
}
