package dev.sluice.bench.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario prints: tables in Markdown (so a run's output can be pasted into
 * docs/benchmarks.md as it is) and notes that say what bounds the numbers.
 */
public final class ScenarioReport {
    private final String title;
    private final List<Table> tables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ScenarioReport(String title) {
        this.title = title;
    }

    public Table table(String caption, String... columns) {
        Table table = new Table(caption, List.of(columns));
        tables.add(table);
        return table;
    }

    public ScenarioReport note(String format, Object... args) {
        notes.add(String.format(format, args));
        return this;
    }

    public List<Table> tables() {
        return tables;
    }

    public void print(PrintStream out) {
        out.println("## " + title);
        out.println();
        for (Table table : tables) {
            table.print(out);
            out.println();
        }
        for (String note : notes) {
            out.println("- " + note);
        }
        if (!notes.isEmpty()) {
            out.println();
        }
        out.flush();
    }

    /** A table whose cells are already formatted. */
    public static final class Table {
        private final String caption;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        Table(String caption, List<String> columns) {
            this.caption = caption;
            this.columns = columns;
        }

        public Table row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
            }
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(String.valueOf(cell));
            }
            rows.add(row);
            return this;
        }

        public List<List<String>> rows() {
            return rows;
        }

        void print(PrintStream out) {
            if (!caption.isEmpty()) {
                out.println(caption);
                out.println();
            }
            out.println("| " + String.join(" | ", columns) + " |");
            out.println("|" + " --- |".repeat(columns.size()));
            for (List<String> row : rows) {
                out.println("| " + String.join(" | ", row) + " |");
            }
        }
    }
}
