package org.neuroai.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neuroai.compare.charts.PanelFigure;
import org.neuroai.compare.engine.SmokeRuns;
import org.neuroai.compare.files.RunFolder;

/**
 * Two rules of the house, checked on the sources: no figure code names a learner (labels, families
 * and colours come from the run's learners.csv), and no two packages depend on each other, however
 * indirectly.
 */
class HouseRulesTest {
    /** The folder of the project: the parent of this module, found from where its classes are. */
    static Path project() throws URISyntaxException {
        Path classes = Path.of(PanelFigure.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().getParent().getParent();
    }

    /** The modules of the project, as its pom.xml lists them. */
    static List<String> modules(Path project) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(project.resolve("pom.xml")));
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /**
     * Java source with its comments removed and the text of every string, text block and character
     * literal blanked (their quotes kept), line breaks kept so that lines still count; the literals
     * themselves, with the line each starts on, go to {@code literals} when it is not null.
     */
    static String code(String src, List<Map.Entry<Integer, String>> literals) {
        StringBuilder out = new StringBuilder(src.length());
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (src.charAt(k) == '\n') {
                        out.append('\n');
                        line++;
                    }
                }
                i = end;
            } else if (c == '"' || c == '\'') {
                boolean block = c == '"' && src.startsWith("\"\"\"", i);
                String close = block ? "\"\"\"" : String.valueOf(c);
                int start = line;
                StringBuilder text = new StringBuilder();
                i += close.length();
                while (i < n && !src.startsWith(close, i)) {
                    char d = src.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        char e = src.charAt(i + 1);
                        text.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> e;
                        });
                        i += 2;
                        continue;
                    }
                    if (d == '\n') {
                        out.append('\n');
                        line++;
                    }
                    text.append(d);
                    i++;
                }
                i += close.length();
                out.append(c).append(c);
                if (literals != null && c == '"') {
                    literals.add(Map.entry(start, text.toString()));
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * No string literal in the main sources of the packages {@code figures} and {@code charts} is the
     * name of a learner of any smoke run (learners.csv of every registered experiment and bundled
     * spec): a figure that needs a learner's label, family or colour reads it from learners.csv
     * ({@code Look}), and a figure that switches on a name breaks the day the learner is renamed. No
     * match is excused: a literal that equals a learner's name for another reason (a unit, a keyword)
     * is renamed or built otherwise, since a reader cannot tell it from a learner either. Test
     * sources are not scanned: their fixtures name learners on purpose.
     */
    @Test
    void noFigureCodeNamesALearner() throws IOException, URISyntaxException {
        Set<String> learners = new TreeSet<>();
        for (Path run : SmokeRuns.all()) {
            learners.addAll(RunFolder.open(run).learners().keySet());
        }
        assertTrue(learners.size() >= 5, "the smoke runs have learners: " + learners);
        Path src = project().resolve("compare/src/main/java/org/neuroai/compare");
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String pkg : List.of("figures", "charts")) {
            for (Path f : javaFiles(src.resolve(pkg))) {
                files++;
                List<Map.Entry<Integer, String>> literals = new ArrayList<>();
                code(Files.readString(f), literals);
                for (Map.Entry<Integer, String> l : literals) {
                    if (learners.contains(l.getValue())) {
                        found.add(project().relativize(f) + ":" + l.getKey() + ": \"" + l.getValue() + "\"");
                    }
                }
            }
        }
        assertTrue(files >= 10, "the figure code was found: " + files + " files under " + src);
        assertTrue(found.isEmpty(), "figure code names learners of the smoke runs (" + learners + "):\n" + String.join("\n", found));
    }

    /** A reference to a class of the project: a qualified package name followed by a class name. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.neuroai(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern WILDCARD = Pattern.compile("\\bimport\\s+(org\\.neuroai(?:\\.[a-z]\\w*)+)\\.\\*\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /**
     * The package graph of the main sources of every module: package to the packages it refers to
     * (imports and qualified names, comments and literals left out), each edge with a file that makes it.
     */
    static Map<String, Map<String, String>> packageGraph(Path project) throws IOException {
        Map<String, Map<String, String>> deps = new TreeMap<>();
        for (String module : modules(project)) {
            for (Path f : javaFiles(project.resolve(module).resolve("src/main/java"))) {
                String code = code(Files.readString(f), null);
                Matcher p = PACKAGE.matcher(code);
                if (!p.find()) {
                    continue;
                }
                String pkg = p.group(1);
                Map<String, String> out = deps.computeIfAbsent(pkg, k -> new TreeMap<>());
                for (Pattern pattern : List.of(REFERENCE, WILDCARD)) {
                    Matcher m = pattern.matcher(code);
                    while (m.find()) {
                        if (!m.group(1).equals(pkg)) {
                            out.putIfAbsent(m.group(1), project.relativize(f).toString());
                        }
                    }
                }
            }
        }
        for (Map<String, String> out : deps.values()) {
            out.keySet().retainAll(deps.keySet());
        }
        return deps;
    }

    /** The strongly connected components of more than one package (Tarjan 1972). */
    static List<List<String>> cycles(Map<String, Map<String, String>> deps) {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> on = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : deps.keySet()) {
            if (!index.containsKey(v)) {
                visit(v, deps, index, low, stack, on, out);
            }
        }
        return out;
    }

    private static void visit(String v, Map<String, Map<String, String>> deps, Map<String, Integer> index, Map<String, Integer> low,
                              List<String> stack, Set<String> on, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.add(v);
        on.add(v);
        for (String w : deps.get(v).keySet()) {
            if (!index.containsKey(w)) {
                visit(w, deps, index, low, stack, on, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (on.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                on.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                out.add(component);
            }
        }
    }

    @Test
    void theCycleFinderFindsACycleAndOnlyOne() {
        Map<String, Map<String, String>> g = new TreeMap<>();
        g.put("a", new TreeMap<>(Map.of("b", "A.java")));
        g.put("b", new TreeMap<>(Map.of("c", "B.java")));
        g.put("c", new TreeMap<>(Map.of("a", "C.java", "d", "C.java")));
        g.put("d", new TreeMap<>());
        assertEquals(List.of(List.of("a", "b", "c")), cycles(g));
        g.get("c").remove("a");
        assertEquals(List.of(), cycles(g));
        String src = "package x.y;\n// org.neuroai.a.B in a comment\nimport org.neuroai.c.D;\nString s = \"org.neuroai.e.F\";\n";
        assertFalse(code(src, null).contains("org.neuroai.a.B") || code(src, null).contains("org.neuroai.e.F"), code(src, null));
        assertTrue(code(src, null).contains("org.neuroai.c.D"));
    }

    /**
     * No import cycle between packages: the graph of the main sources of every module (imports and
     * qualified references, comments and string literals left out) has no strongly connected
     * component of two or more packages; each one found is listed with its edges and a file that
     * makes each edge.
     */
    @Test
    void noPackagesDependOnEachOther() throws IOException, URISyntaxException {
        Path project = project();
        Map<String, Map<String, String>> deps = packageGraph(project);
        assertTrue(deps.size() >= 20 && deps.containsKey("org.neuroai.compare.figures") && deps.containsKey("org.neuroai.core"),
                "the packages of every module were found: " + deps.keySet());
        List<String> report = new ArrayList<>();
        for (List<String> cycle : cycles(deps)) {
            report.add("cycle: " + cycle);
            for (String a : cycle) {
                for (Map.Entry<String, String> b : deps.get(a).entrySet()) {
                    if (cycle.contains(b.getKey())) {
                        report.add("    " + a + " -> " + b.getKey() + " (e.g. " + b.getValue() + ")");
                    }
                }
            }
        }
        assertTrue(report.isEmpty(), "packages that depend on each other:\n" + String.join("\n", report));
    }
}
