package cn.gridflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The result tables: printed as Markdown so they go into the README as they are. */
final class Report {

    private final List<String> lines = new ArrayList<>();
    /** Rewritten after every row, so a run that is stopped half-way keeps what it measured. */
    private Path file;
    private final List<String> failures = new ArrayList<>();

    void section(String title, String note) {
        lines.add("");
        lines.add("### " + title);
        if (note != null && !note.isBlank()) {
            lines.add("");
            lines.add(note);
        }
        lines.add("");
    }

    void table(String... header) {
        lines.add("| " + String.join(" | ", header) + " |");
        lines.add("|" + "---|".repeat(header.length));
    }

    void row(Object... cells) {
        List<String> texts = new ArrayList<>();
        for (Object c : cells) {
            texts.add(String.valueOf(c));
        }
        lines.add("| " + String.join(" | ", texts) + " |");
        System.out.println("[bench] " + String.join(" | ", texts));
        if (file != null) {
            try {
                write(file);
            } catch (IOException e) {
                System.err.println("[bench] cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    void writeTo(Path file) {
        this.file = file;
    }

    void text(String line) {
        lines.add(line);
    }

    /** A target or budget missed: printed at the end, and the command exits non-zero. */
    void fail(String what) {
        failures.add(what);
    }

    List<String> failures() {
        return failures;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        if (!failures.isEmpty()) {
            out.append("\nMissed targets / budgets:\n");
            failures.forEach(f -> out.append("- ").append(f).append('\n'));
        }
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }
}
