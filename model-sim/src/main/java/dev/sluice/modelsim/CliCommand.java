package dev.sluice.modelsim;

/** What the command line asks for. */
sealed interface CliCommand {

    /** Start a simulator with these settings. */
    record Run(ModelSimSettings settings) implements CliCommand {
    }

    /** Print the usage and exit 0. */
    record ShowHelp() implements CliCommand {
    }

    /** Print the problem and the usage, exit {@link #EXIT_CODE}. */
    record Invalid(String message) implements CliCommand {
        /** The conventional exit code for a command-line usage error. */
        public static final int EXIT_CODE = 2;
    }
}
