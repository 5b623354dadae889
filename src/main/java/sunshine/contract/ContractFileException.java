package sunshine.contract;

/**
 * A whole file that cannot be read as its dataset: unreadable, in neither UTF-8 nor GB18030, missing a
 * required column, an unknown dataset name, an empty file. Nothing of such a file is imported.
 */
public class ContractFileException extends RuntimeException {

    private final String file;
    private final Reason reason;

    public ContractFileException(String file, Reason reason) {
        this(file, reason, null);
    }

    public ContractFileException(String file, Reason reason, Throwable cause) {
        super(file + ": " + reason.en(), cause);
        this.file = file;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
