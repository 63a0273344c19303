package dev.shipshape.model;

import java.util.List;

/**
 * One build stage: a FROM and the instructions up to the next FROM.
 *
 * @param name      the {@code AS} name, or null
 * @param baseImage the FROM image as written (ARGs not expanded)
 * @param origin    the FROM instruction
 */
public record Stage(String name, String baseImage, Origin origin, List<Instruction> instructions) {

    public Stage {
        instructions = List.copyOf(instructions);
    }
}
