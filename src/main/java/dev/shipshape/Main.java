package dev.shipshape;

import dev.shipshape.cli.ShipshapeCommand;

/** Entry point: the only place that calls {@code System.exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ShipshapeCommand.commandLine().execute(args));
    }
}
