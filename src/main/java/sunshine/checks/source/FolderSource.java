package sunshine.checks.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.digests.SM3Digest;
import sunshine.checks.CheckSource;
import sunshine.checks.InputInfo;
import sunshine.contract.ContractFileException;
import sunshine.contract.ContractFolder;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetReader;
import sunshine.contract.FastCsvReader;
import sunshine.contract.ParsedRow;
import sunshine.contract.Reason;
import sunshine.contract.RegionDirectory;
import sunshine.contract.RowError;
import sunshine.contract.ValueParser;

/**
 * A folder of contract files, read through the contract's {@link DatasetReader} (CSV in UTF-8 or GB18030, XLSX,
 * XLS; headers in English or Chinese; every value parsed and checked). Region cells are checked against the
 * folder's own {@code regions} file, read first.
 * <p>
 * Each file read is hashed with SM3 (GB/T 32905, as the importer recognises files) on a background thread while
 * it is parsed, so the hash costs no time on a machine with a second core.
 */
public final class FolderSource implements CheckSource {

    private final Path dir;
    private final DataContract contract = DataContract.standard();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<String, Read> reads = new LinkedHashMap<>();
    private final ExecutorService hasher;
    private ExecutorService parser;
    private RegionDirectory directory;

    private static final class Read {
        String location;
        String format;
        long rows;
        long bytes;
        Future<String> hash;
    }

    public FolderSource(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ContractFileException(String.valueOf(dir), new Reason("数据文件夹不存在：" + dir,
                    "no such folder: " + dir));
        }
        this.dir = dir;
        ContractFolder.find(dir, contract).forEach((d, f) -> files.put(d.name(), f));
        this.hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "check-sm3");
            t.setDaemon(true);
            return t;
        });
    }

    /** The files of the folder that are no contract file (reported, not read). */
    public List<Path> unknownFiles() {
        return ContractFolder.unknownFiles(dir, contract);
    }

    @Override
    public String describe() {
        return "folder " + dir.toAbsolutePath();
    }

    @Override
    public String location(String dataset) {
        Path file = files.get(dataset);
        return file == null ? dataset : String.valueOf(file.getFileName());
    }

    @Override
    public boolean has(String dataset) {
        return files.containsKey(dataset);
    }

    @Override
    public void read(Dataset dataset, Rows rows) throws IOException {
        Path file = files.get(dataset.name());
        if (file == null) {
            throw new IllegalArgumentException("the folder has no file for " + dataset.name());
        }
        String name = String.valueOf(file.getFileName());
        Read read = new Read();
        read.location = name;
        read.bytes = Files.size(file);
        read.hash = hasher.submit(() -> sm3(file));
        reads.put(dataset.name(), read);
        boolean isRegions = dataset.name().equals("regions");
        ValueParser parser = new ValueParser(contract, isRegions ? null : directory());
        // the file is parsed on a thread of its own, in batches, while the caller takes in the rows (in order)
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        // the regions file read as a dataset also gives the directory the other files are checked against
        Map<String, String> levels = isRegions && directory == null ? new HashMap<>() : null;
        Future<?> parsing = parser(dataset).submit(() -> parse(file, name, dataset, parser, read, levels, queue));
        try {
            while (true) {
                Object item = take(queue);
                if (item instanceof ParsedRow[] batch) {
                    for (ParsedRow row : batch) {
                        if (row == null) {
                            break;
                        }
                        if (row.ok()) {
                            rows.row(row.row(), row.values());
                        } else {
                            row.errors().forEach(rows::error);
                        }
                    }
                } else if (item instanceof Warnings w) {
                    w.list.forEach(rows::warning);
                } else if (item instanceof Failure f) {
                    if (levels != null) {
                        directory = RegionDirectory.of(levels);
                    }
                    Throwable e = f.error;
                    if (e instanceof ContractFileException c) {
                        rows.error(new RowError(c.file(), 0, "", "", c.reason()));
                    } else if (e instanceof UncheckedIOException u) {
                        rows.error(new RowError(name, 0, "", "", new Reason("文件无法读取：" + u.getCause().getMessage(),
                                "cannot read the file: " + u.getCause().getMessage())));
                    } else if (e instanceof IOException io) {
                        throw io;
                    } else if (e instanceof RuntimeException r) {
                        throw r;
                    } else if (e instanceof Error r) {
                        throw r;
                    }
                    return;
                } else {
                    if (levels != null) {
                        directory = RegionDirectory.of(levels);
                    }
                    return; // the end
                }
            }
        } finally {
            parsing.cancel(true);
        }
    }

    private static final int BATCH = 2048;
    private static final int QUEUED_BATCHES = 8;

    private record Warnings(List<RowError> list) {
    }

    private record Failure(Throwable error) {
    }

    private static final Object END = new Object();

    /** Parses a file into the queue: the header's warnings, batches of rows, late warnings, then the end (or why not). */
    private void parse(Path file, String name, Dataset dataset, ValueParser parser, Read read,
                       Map<String, String> levels, BlockingQueue<Object> queue) {
        try {
            try (FastCsvReader reader = FastCsvReader.open(file, name, dataset, parser)) {
                List<RowError> early = reader.warnings();
                put(queue, new Warnings(early));
                ParsedRow[] batch = new ParsedRow[BATCH];
                int n = 0;
                ParsedRow row;
                try {
                    while ((row = reader.next()) != null) {
                        if (levels != null) {
                            rememberLevel(levels, row);
                        }
                        batch[n++] = row;
                        if (n == BATCH) {
                            put(queue, batch);
                            batch = new ParsedRow[BATCH];
                            n = 0;
                        }
                    }
                } finally {
                    if (n > 0) {
                        put(queue, batch);
                    }
                }
                List<RowError> late = reader.warnings();
                put(queue, new Warnings(late.subList(early.size(), late.size())));
                read.rows = reader.rowsRead();
                read.format = reader.format();
            }
            put(queue, END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            try {
                put(queue, new Failure(e));
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) throws InterruptedException {
        queue.put(item);
    }

    private static Object take(BlockingQueue<Object> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        }
    }

    private ExecutorService parser(Dataset dataset) {
        if (parser == null) {
            parser = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "check-parse");
                t.setDaemon(true);
                return t;
            });
        }
        return parser;
    }

    @Override
    public List<InputInfo> inputs() {
        List<InputInfo> out = new ArrayList<>();
        for (Map.Entry<String, Read> e : reads.entrySet()) {
            Read r = e.getValue();
            String hash;
            try {
                hash = r.hash.get();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                hash = "";
            } catch (ExecutionException x) {
                hash = "";
            }
            out.add(new InputInfo(e.getKey(), r.location, r.format == null ? "" : r.format, r.rows, r.bytes, "SM3",
                    hash));
        }
        return out;
    }

    @Override
    public void close() {
        hasher.shutdownNow();
        if (parser != null) {
            parser.shutdownNow();
        }
    }

    /**
     * The region codes and levels of the folder's regions file (bad rows skipped: they are reported when read), from
     * the read of the regions dataset or, when it was not read first, from a read of its own.
     */
    private RegionDirectory directory() throws IOException {
        if (directory == null) {
            Map<String, String> levels = new HashMap<>();
            Path file = files.get("regions");
            if (file != null) {
                Dataset regions = contract.dataset("regions");
                try (FastCsvReader reader = FastCsvReader.open(file, String.valueOf(file.getFileName()), regions,
                        new ValueParser(contract, null))) {
                    ParsedRow row;
                    while ((row = reader.next()) != null) {
                        rememberLevel(levels, row);
                    }
                } catch (ContractFileException | UncheckedIOException e) {
                    // reported when the regions file itself is read
                }
            }
            directory = RegionDirectory.of(levels);
        }
        return directory;
    }

    private static final int REGION_CODE = DataContract.standard().dataset("regions").indexOf("code");
    private static final int REGION_LEVEL = DataContract.standard().dataset("regions").indexOf("level");

    /** A region row's code and level (bad rows too, where both cells parsed: the row itself is reported). */
    private static void rememberLevel(Map<String, String> levels, ParsedRow row) {
        Object c = row.values()[REGION_CODE];
        Object l = row.values()[REGION_LEVEL];
        if (c != null && l != null) {
            levels.put((String) c, ((String) l).intern());
        }
    }

    /** SM3 of a file's bytes as lower-case hex. */
    public static String sm3(Path file) throws IOException {
        SM3Digest digest = new SM3Digest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
