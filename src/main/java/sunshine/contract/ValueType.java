package sunshine.contract;

/** The value types of the data contract. Each column of a dataset has exactly one. */
public enum ValueType {
    /** 18-character resident ID number (GB 11643); 15-digit old numbers are upgraded. Parsed to String. */
    ID,
    /** 12-digit region code; 6- and 9-digit codes are padded. Parsed to String. */
    REGION,
    /** A calendar day. Parsed to {@link java.time.LocalDate}. */
    DATE,
    /** A year and month. Parsed to {@link java.time.YearMonth}. */
    MONTH,
    /** Yuan with at most 2 decimals, never negative. Parsed to {@link java.math.BigDecimal} with scale 2. */
    MONEY,
    /** A code from an enum type, given as the code or a Chinese label. Parsed to the code (String). */
    ENUM,
    /** Free text, kept as given after trimming. Parsed to String. */
    TEXT,
    /** A whole number. Parsed to {@link Long}. */
    INTEGER,
    /** A non-money decimal (for example an area in square metres). Parsed to {@link java.math.BigDecimal}. */
    DECIMAL
}
