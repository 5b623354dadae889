package sunshine.checks;

import java.util.List;
import sunshine.contract.Reason;
import sunshine.contract.RowError;

/**
 * The input cannot be checked: a required dataset is missing, or files have bad rows (each error names file, row,
 * column, value and reason). Nothing is checked on input with errors.
 */
public class CheckInputException extends CheckException {

    private final List<RowError> errors;
    private final long errorCount;

    /**
     * @param errors     the first errors (at most a few hundred)
     * @param errorCount all errors, also those not listed
     */
    public CheckInputException(Reason reason, List<RowError> errors, long errorCount) {
        super(reason);
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public List<RowError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }
}
