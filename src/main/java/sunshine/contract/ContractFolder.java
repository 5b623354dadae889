package sunshine.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of contract files: {@code <dataset>.csv}, {@code <dataset>.xlsx} or {@code <dataset>.xls}, at most one
 * per dataset (names and extensions in any letter case). Other files are not contract files and are ignored.
 */
public final class ContractFolder {

    private static final Set<String> EXTENSIONS = Set.of("csv", "xlsx", "xls");

    private ContractFolder() {
    }

    /**
     * The contract file of each dataset present in the folder, in the contract's (dependency) order.
     *
     * @throws ContractFileException when a dataset has more than one file (e.g. payments.csv and payments.xlsx)
     * @throws UncheckedIOException  when the folder cannot be listed
     */
    public static Map<Dataset, Path> find(Path dir, DataContract contract) {
        Map<String, List<Path>> byDataset = new HashMap<>();
        for (Path file : files(dir)) {
            Dataset d = datasetOf(file, contract);
            if (d != null) {
                byDataset.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(file);
            }
        }
        Map<Dataset, Path> found = new LinkedHashMap<>();
        for (Dataset d : contract.datasets()) {
            List<Path> files = byDataset.get(d.name());
            if (files == null) {
                continue;
            }
            if (files.size() > 1) {
                List<String> names = files.stream().map(f -> String.valueOf(f.getFileName())).sorted().toList();
                throw new ContractFileException(String.valueOf(dir.getFileName()), new Reason(
                        "数据集" + d.name() + "（" + d.label() + "）有多个文件：" + String.join("、", names)
                                + "；每个数据集只能有一个文件",
                        "dataset " + d.name() + " has more than one file: " + String.join(", ", names)
                                + "; give one file per dataset"));
            }
            found.put(d, files.get(0));
        }
        return found;
    }

    /** The regular files of the folder that are not named after a dataset (sorted by name). */
    public static List<Path> unknownFiles(Path dir, DataContract contract) {
        List<Path> unknown = new ArrayList<>();
        for (Path file : files(dir)) {
            if (datasetOf(file, contract) == null) {
                unknown.add(file);
            }
        }
        return unknown;
    }

    /** The dataset a file is named after ({@code payments.csv}: payments), or null. */
    static Dataset datasetOf(Path file, DataContract contract) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.contains(extension)) {
            return null;
        }
        String base = name.substring(0, dot).strip().toLowerCase(Locale.ROOT);
        for (Dataset d : contract.datasets()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(base)) {
                return d;
            }
        }
        return null;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
