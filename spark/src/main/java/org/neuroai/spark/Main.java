package org.neuroai.spark;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The entry point of the Spark sweep, for {@code bin/neuroai-spark} and for {@code spark-submit}:
 * the arguments of {@code neuroai sweep} (the word {@code sweep} itself may be left out).
 */
public final class Main {
    private Main() {}

    /**
     * Runs a sweep on Spark and exits with its status (2 for a mistake the user can fix).
     *
     * @param args the arguments of {@code neuroai sweep}
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("neuroai.log", "warn"));
        }
        String[] rest = args.length > 0 && args[0].equals("sweep") ? Arrays.copyOfRange(args, 1, args.length) : args;
        int code = org.neuroai.compare.cli.Main.execute(new SparkSweep(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), rest);
        System.exit(code);
    }
}
