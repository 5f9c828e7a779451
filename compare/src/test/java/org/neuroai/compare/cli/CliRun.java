package org.neuroai.compare.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What one command-line call printed and returned, for tests.
 *
 * @param code exit status
 * @param out standard output
 * @param err standard error
 */
record CliRun(int code, String out, String err) {
    /** Runs the command line in this process. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
