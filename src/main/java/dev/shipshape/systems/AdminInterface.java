package dev.shipshape.systems;

import java.util.List;

/**
 * An admin or debug interface, on when any {@code when} setting is found unless an {@code unless} one is.
 *
 * @param images the images it belongs to (last path component); empty means any container
 */
public record AdminInterface(String name, List<String> images, List<SettingPattern> when, List<SettingPattern> unless) {

    public AdminInterface {
        images = List.copyOf(images);
        when = List.copyOf(when);
        unless = List.copyOf(unless);
    }
}
