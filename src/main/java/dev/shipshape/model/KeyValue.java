package dev.shipshape.model;

/** One key=value entry as written (a label, a driver option); repeated keys stay separate entries. */
public record KeyValue(String key, String value, Origin origin) {
}
