package sunshine.contract;

/**
 * Parses one cell into its column's typed value, or says why it cannot.
 * <p>
 * A cell arrives as a String (CSV, text cells) or, from Excel, as a typed cell value: a
 * {@link java.math.BigDecimal} for numeric cells, a {@link java.time.LocalDateTime} for date cells, a Boolean.
 * Surrounding whitespace is trimmed and full-width digits and letters are normalised to ASCII before parsing.
 */
public final class ValueParser {

    private final DataContract contract;
    private final RegionDirectory regions;

    public ValueParser(DataContract contract, RegionDirectory regions) {
        this.contract = contract;
        this.regions = regions;
    }

    /**
     * The typed value of a cell, or null when the cell is empty (the caller decides whether that is allowed).
     *
     * @throws InvalidValueException when the cell is not a valid value of the column's type
     */
    public Object parse(Column column, Object cell) throws InvalidValueException {
        throw new UnsupportedOperationException("TODO");
    }
}
