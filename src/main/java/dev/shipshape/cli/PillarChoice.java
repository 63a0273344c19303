package dev.shipshape.cli;

import dev.shipshape.rules.Pillar;

/** {@code security, storage, orchestration, networking, discovery} for {@code --pillar}. */
final class PillarChoice extends EnumChoice<Pillar> {

    PillarChoice() {
        super(Pillar.class);
    }
}
