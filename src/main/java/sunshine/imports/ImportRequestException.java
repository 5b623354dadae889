package sunshine.imports;

import sunshine.contract.Reason;

/**
 * An import that cannot even start: the file or folder does not exist, the dataset cannot be told from the file
 * name, a folder holds no contract file. Nothing was read and nothing was recorded.
 */
public class ImportRequestException extends RuntimeException {

    private final Reason reason;

    public ImportRequestException(Reason reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
