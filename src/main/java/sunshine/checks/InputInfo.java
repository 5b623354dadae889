package sunshine.checks;

/**
 * One dataset a check read, as recorded with its output.
 *
 * @param dataset   the dataset
 * @param location  the file name (or table) it came from
 * @param format    UTF-8, GB18030, XLSX, XLS (or the database)
 * @param rows      data rows read
 * @param bytes     size in bytes (0 when not a file)
 * @param hashAlgorithm "SM3" (GB/T 32905) for files
 * @param hash      the hash of the content as lower-case hex, or empty
 */
public record InputInfo(String dataset, String location, String format, long rows, long bytes, String hashAlgorithm,
                        String hash) {
}
