package dev.shipshape.systems;

import java.util.List;

/**
 * An image of a known system.
 *
 * @param name      the image's last path component, or its last two ({@code mssql/server})
 * @param product   what it is, for messages
 * @param dataPaths the container paths its data lives under, the usual one first; empty for a stateless image
 */
public record KnownImage(String name, String product, List<String> dataPaths) {

    public KnownImage {
        dataPaths = List.copyOf(dataPaths);
    }
}
