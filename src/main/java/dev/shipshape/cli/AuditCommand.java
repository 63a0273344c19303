package dev.shipshape.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipshape audit TARGET}: checks what is running, with the same rules as {@code scan}. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "TARGET",
        description = {
            "Check a running platform with the same rules as `scan`, plus what only a live host shows "
                    + "(health, restart loops, unused volumes, who can use the daemon).",
        },
        subcommands = {AuditDockerCommand.class, AuditKubernetesCommand.class},
        commandListHeading = "%nTargets:%n")
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing target: try 'shipshape audit docker' or 'shipshape audit kubernetes'");
    }
}
