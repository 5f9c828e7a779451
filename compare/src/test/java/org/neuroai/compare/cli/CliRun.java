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

    /**
     * Runs something with the data sets read from another folder ({@code -Dneuroai.data}), and
     * puts the setting back afterwards.
     *
     * @param data the data folder
     * @param body what to run
     * @return what it returned
     */
    static <T> T withData(java.nio.file.Path data, java.util.concurrent.Callable<T> body) throws Exception {
        String before = System.getProperty("neuroai.data");
        System.setProperty("neuroai.data", data.toString());
        try {
            return body.call();
        } finally {
            if (before == null) {
                System.clearProperty("neuroai.data");
            } else {
                System.setProperty("neuroai.data", before);
            }
        }
    }
}
