package dev.shipshape.cli;

/** {@code scan --format}. */
enum ScanFormat {
    TEXT, JSON, SARIF, HTML;

    static final class Choice extends EnumChoice<ScanFormat> {
        Choice() {
            super(ScanFormat.class);
        }
    }
}
