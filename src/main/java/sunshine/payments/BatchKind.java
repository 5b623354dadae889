package sunshine.payments;

/** What a batch is for. */
public enum BatchKind {
    /** The town's month: every due enrollment of the town ({@code B<town9>-<yyyyMM>}, one per town and month). */
    REGULAR,
    /** Due enrollments that no batch of the month holds yet, e.g. enrolled after the regular batch was made. */
    SUPPLEMENT,
    /** Payments the bank failed, paid again ({@code failed payments are re-issued in a new batch}). */
    REISSUE
}
