package org.neuroai.compare.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neuroai.compare.validate.Check;
import org.neuroai.compare.validate.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neuroai validate}: every model against the published numbers; exit 1 if any check fails. */
@Command(name = "validate", description = "Check every model against published numbers and theory; exit 1 if any check fails.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON object: {checks: [...], passed, failed}.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the figures go (default: out/validate).")
    Path out = Path.of("out", "validate");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        List<Check> checks = Validation.runAll(out);
        long failed = checks.stream().filter(c -> !c.pass()).count();
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(new ObjectMapper().writeValueAsString(java.util.Map.of("checks", checks,
                    "passed", checks.size() - failed, "failed", failed)));
        } else {
            pw.println(table(checks));
            java.util.Map<Check.Role, Long> byRole = new java.util.EnumMap<>(Check.Role.class);
            for (Check c : checks) {
                byRole.merge(c.role(), 1L, Long::sum);
            }
            pw.printf(Locale.ROOT, "%d passed, %d failed (figures in %s)%n", checks.size() - failed, failed, out);
            pw.printf(Locale.ROOT, "kinds: %d fit (numbers the parameters were fitted to: they show the fit, they do not validate it), "
                    + "%d prediction, %d theory, %d reference%n", byRole.getOrDefault(Check.Role.FIT, 0L),
                    byRole.getOrDefault(Check.Role.PREDICTION, 0L), byRole.getOrDefault(Check.Role.THEORY, 0L),
                    byRole.getOrDefault(Check.Role.REFERENCE, 0L));
        }
        pw.flush();
        return failed == 0 ? 0 : 1;
    }

    /** A table cell's text, its vertical bars escaped so that they do not end the cell. */
    static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The checks as a Markdown table (also used in the README). */
    static String table(List<Check> checks) {
        StringBuilder sb = new StringBuilder("| check | kind | model | expected | got | error | pass |\n|---|---|---|---|---|---|---|\n");
        for (Check c : checks) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.4g | %s | %s |%n", cell(c.check()), c.role().label(), cell(c.model()),
                    cell(c.expected()), c.got(), cell(c.error()), c.pass() ? "pass" : "FAIL"));
        }
        return sb.toString().stripTrailing();
    }
}
