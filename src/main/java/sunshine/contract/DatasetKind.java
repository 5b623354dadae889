package sunshine.contract;

/** Whether a dataset is the platform's own record or another department's data. */
public enum DatasetKind {
    /** The platform's own records: regions, households, enrollments, payments ... */
    REGISTRY,
    /** Other departments' data, possibly many millions of rows about people who are not beneficiaries. */
    EXTERNAL
}
