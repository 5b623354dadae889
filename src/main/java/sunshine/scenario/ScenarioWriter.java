package sunshine.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetWriter;
import sunshine.scenario.Model.Row;

/**
 * Writes a scenario folder: one CSV per dataset of the data contract (UTF-8, the English header), counties
 * appended one after another, then {@code ground_truth.csv} and {@code decoys.csv}. Streams: only the county being
 * written is in memory.
 */
final class ScenarioWriter implements ExternalNoise.Sink, AutoCloseable {

    private final Path out;
    private final Map<String, DatasetWriter> writers = new LinkedHashMap<>();

    ScenarioWriter(Path out) throws IOException {
        this.out = out;
        Files.createDirectories(out);
        for (Dataset d : DataContract.standard().datasets()) {
            writers.put(d.name(), DatasetWriter.csv(out.resolve(d.name() + ".csv"), d, StandardCharsets.UTF_8,
                    false));
        }
    }

    void write(ScenarioData data) throws IOException {
        for (Map.Entry<String, List<? extends Row>> e : data.byDataset().entrySet()) {
            DatasetWriter w = writers.get(e.getKey());
            for (Row r : e.getValue()) {
                w.write(r.row());
            }
        }
    }

    void write(List<? extends Row> rows, String dataset) throws IOException {
        DatasetWriter w = writers.get(dataset);
        for (Row r : rows) {
            w.write(r.row());
        }
    }

    @Override
    public void row(String dataset, Object... values) throws IOException {
        writers.get(dataset).write(values);
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        writers.forEach((name, w) -> counts.put(name, w.rowsWritten()));
        return counts;
    }

    /** {@code ground_truth.csv}: rule, subject, variant, amount_at_risk, owed, note, sorted by rule and subject. */
    void groundTruth(List<Clue> clues) throws IOException {
        StringBuilder s = new StringBuilder("rule,subject,variant,amount_at_risk,owed,note\r\n");
        clues.stream().sorted(Clue.ORDER).forEach(c -> s.append(c.rule()).append(',').append(c.subject())
                .append(',').append(c.variant()).append(',').append(c.amount().toPlainString()).append(',')
                .append(c.owed() == null ? "" : c.owed().toPlainString()).append(',').append(quote(c.note()))
                .append("\r\n"));
        Files.writeString(out.resolve("ground_truth.csv"), s, StandardCharsets.UTF_8);
    }

    /** {@code decoys.csv}: rule, subject, note: clues that must not be produced. */
    void decoys(List<GroundTruth.Decoy> decoys) throws IOException {
        StringBuilder s = new StringBuilder("rule,subject,note\r\n");
        decoys.stream().sorted((a, b) -> (a.rule() + a.subject()).compareTo(b.rule() + b.subject()))
                .forEach(d -> s.append(d.rule()).append(',').append(d.subject()).append(',')
                        .append(quote(d.note())).append("\r\n"));
        Files.writeString(out.resolve("decoys.csv"), s, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (DatasetWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
