package dev.shipshape.cli;

/** {@code waivers --format}. */
enum WaiversFormat {
    TEXT, JSON;

    static final class Choice extends EnumChoice<WaiversFormat> {
        Choice() {
            super(WaiversFormat.class);
        }
    }
}
