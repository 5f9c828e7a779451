package org.neuroai.compare.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.neuroai.core.Provenance;
import org.neuroai.core.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code neuroai} command line. Mistakes a user can fix end with one sentence on standard
 * error and exit status 2; nothing is left half-written.
 */
@Command(name = "neuroai", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Main.Version.class,
        description = "Learning in synapses and learning by gradient descent, side by side on the same tasks.",
        subcommands = {ListCommand.class, RunCommand.class, DemoCommand.class, ProtocolCommand.class, ValidateCommand.class, BaselinesCommand.class, BenchCommand.class, PlotCommand.class, LandscapeCommand.class, ReportCommand.class, SweepCommand.class, ReproduceCommand.class, ShowCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit status for a mistake the user can fix. */
    public static final int USER_ERROR = 2;

    /** Most mistakes printed for one command; a file with more gets a last line saying how many were left out. */
    static final int MAX_PROBLEMS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line and returns its exit status (for tests).
     *
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit status
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(new Main(), out, err, args);
    }

    /**
     * Runs a command of the toolkit (this command line, or one that another module builds on it,
     * such as the Spark sweep) with this command line's handling of mistakes: one sentence on
     * standard error and exit status {@value #USER_ERROR}.
     *
     * @param command a picocli command object
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit status
     */
    public static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError) {
                // one line per mistake; a spec with several mistakes reports them all
                java.util.List<String> lines = ex.getMessage().lines().toList();
                lines.stream().limit(MAX_PROBLEMS).forEach(line -> cmd.getErr().println("neuroai: " + line));
                if (lines.size() > MAX_PROBLEMS) {
                    cmd.getErr().println("neuroai: ... and " + (lines.size() - MAX_PROBLEMS) + " more mistakes of the same kind.");
                }
                return USER_ERROR;
            }
            if (ex instanceof java.nio.file.InvalidPathException bad) {
                // a file name no file system accepts, such as one with a NUL character
                cmd.getErr().println("neuroai: " + UserError.shorten("'" + bad.getInput().replace('\0', ' ') + "' is not a valid path ("
                        + bad.getReason() + "); give the name of a file or folder."));
                return USER_ERROR;
            }
            if (ex instanceof UncheckedIOException io) {
                // an output folder that cannot be written (read-only, /proc, a file in the way) is the user's to change
                cmd.getErr().println("neuroai: " + UserError.shorten("cannot write output: " + why(io.getCause())
                        + "; choose an --out folder that can be written."));
                return USER_ERROR;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, parsedArgs) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("neuroai: " + UserError.shorten(ex.getMessage()).lines().findFirst().orElse("") + " (see 'neuroai " + cmd.getCommandName().replace("neuroai", "").trim()
                    + " --help').");
            return USER_ERROR;
        });
        org.neuroai.compare.files.OutputFolder.noticesTo(line -> {
            err.println(line);
            err.flush();
        });
        int code;
        try {
            code = cl.execute(args);
        } finally {
            org.neuroai.compare.files.OutputFolder.noticesTo(null);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** An I/O failure in words: the file and the reason, whatever the exception's own message holds. */
    static String why(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String reason = fs.getReason();
            if (reason == null) {
                reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                        : e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
                        : e instanceof java.nio.file.NotDirectoryException ? "not a folder"
                        : e.getClass().getSimpleName();
            }
            return fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ": " + reason;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }

    /**
     * Entry point.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("neuroai.log", "warn"));
        System.setProperty("java.awt.headless", "true");
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /** Prints the toolkit's and its libraries' versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "neuroai " + Provenance.libraryVersion("org.neuroai", "neuroai-compare"),
                "Deeplearning4j " + Provenance.libraryVersion("org.deeplearning4j", "deeplearning4j-nn")
                        + ", Tribuo " + Provenance.libraryVersion("org.tribuo", "tribuo-core")
                        + ", XChart " + Provenance.libraryVersion("org.knowm.xchart", "xchart"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
