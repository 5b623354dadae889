package sunshine.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a contract file as a stream of records, by its extension: {@code .csv} (UTF-8 or GB18030, detected),
 * {@code .xlsx} or {@code .xls} (the first sheet). Whether an Excel file is really XLSX or XLS is told by its
 * content, so a renamed file is read all the same.
 */
public final class RecordSources {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private RecordSources() {
    }

    /**
     * Opens a file; its header is read at once.
     *
     * @throws ContractFileException when the file type is not supported, the file is empty or has no header, or is
     *                               not a readable workbook
     * @throws IOException           when the file cannot be read
     */
    public static RecordSource open(Path file) throws IOException {
        return open(file, String.valueOf(file.getFileName()));
    }

    /** As {@link #open(Path)}, naming the file {@code fileName} in errors. */
    static RecordSource open(Path file, String fileName) throws IOException {
        String extension = extension(file);
        switch (extension) {
            case "csv":
                return new FastCsvRecordSource(file, fileName);
            case "xlsx":
            case "xls":
                return openExcel(file, fileName, extension);
            default:
                throw new ContractFileException(fileName, new Reason(
                        "不支持的文件类型“" + (extension.isEmpty() ? "（无扩展名）" : "." + extension)
                                + "”，应为.csv、.xlsx或.xls",
                        "unsupported file type \"" + (extension.isEmpty() ? "(no extension)" : "." + extension)
                                + "\", expected .csv, .xlsx or .xls"));
        }
    }

    private static RecordSource openExcel(Path file, String fileName, String extension) throws IOException {
        byte[] head = new byte[8];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
                n += r;
            }
        }
        if (n == 0) {
            throw new ContractFileException(fileName, noHeader());
        }
        if (startsWith(head, n, ZIP)) {
            return new XlsxRecordSource(file, fileName);
        }
        if (startsWith(head, n, OLE2)) {
            return new XlsRecordSource(file, fileName);
        }
        throw new ContractFileException(fileName, new Reason(
                "不是有效的Excel文件：扩展名为." + extension + "，但内容不是Excel工作簿（可能是改了扩展名的网页或文本文件）",
                "not a valid Excel file: the extension is ." + extension
                        + " but the content is not a workbook (perhaps a web page or text file renamed)"));
    }

    private static boolean startsWith(byte[] head, int n, byte[] signature) {
        if (n < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** The lower-case extension of a file name without the dot, or "". */
    static String extension(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static Reason noHeader() {
        return new Reason("文件为空或没有表头", "the file is empty or has no header row");
    }

    static Reason encrypted() {
        return new Reason("Excel文件设有密码，请取消密码后重新导入", "the Excel file is password-protected; remove the "
                + "password and import it again");
    }

    static ContractFileException unreadableExcel(String fileName, Exception e) {
        if (e instanceof ContractFileException) {
            return (ContractFileException) e;
        }
        String why = String.valueOf(e.getMessage());
        return new ContractFileException(fileName, new Reason("无法读取Excel文件：" + why,
                "cannot read the Excel file: " + why), e);
    }
}
