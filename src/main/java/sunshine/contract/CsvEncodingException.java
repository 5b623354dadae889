package sunshine.contract;

import java.io.IOException;

/** Bytes of a CSV file that are valid neither as UTF-8 nor as GB18030, or a UTF-16 file. */
final class CsvEncodingException extends IOException {

    private final boolean utf16;

    CsvEncodingException(boolean utf16) {
        super(utf16 ? "the file is UTF-16" : "the file is valid neither as UTF-8 nor as GB18030", null);
        this.utf16 = utf16;
    }

    /** The reason for a file whose trouble was met at about the given row. */
    Reason reason(long row) {
        if (utf16) {
            return new Reason("文件为UTF-16编码，不受支持；请另存为UTF-8或GBK编码的CSV",
                    "the file is UTF-16, which is not supported; save it as CSV in UTF-8 or GBK");
        }
        return new Reason("文件编码无法识别：既不是有效的UTF-8也不是GB18030（约第" + row + "行）",
                "file is valid neither as UTF-8 nor as GB18030 (near row " + row + ")");
    }
}
