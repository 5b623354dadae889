/**
 * The registry: the platform's own records (regions, households, persons, enrollments, members, standards,
 * cards, payments, bank receipts, payroll submissions, staff and their relatives, filings) and the external
 * datasets of other departments, as database tables.
 * <p>
 * The tables are made by the Flyway migrations in {@code db/migration}: one table per dataset of the data
 * contract, named like the dataset, with the contract's English column names, plus {@code import_id} (the import
 * run that loaded the row) and {@code source_row} (its spreadsheet row). They run unchanged on H2 (PostgreSQL
 * mode) and PostgreSQL; {@code SchemaMatchesContractTest} keeps them in step with {@code contract/datasets.yaml}.
 * <p>
 * Public API (this package): {@link sunshine.registry.Regions}, the region directory the importer checks region
 * codes against; {@link sunshine.registry.RegistryStatistics}, figures for the overview;
 * {@link sunshine.registry.Households}, a household and its members; {@link sunshine.registry.EnrolledHouseholds},
 * a village's ACTIVE enrollments as a public notice lists them; {@link sunshine.registry.RegionTree}, regions by
 * name for choosing one (county → town → village); {@link sunshine.registry.RegistrySources}, the tables as a check
 * source (the check engine runs on the database as on a folder of files, optionally with additional rows);
 * {@link sunshine.registry.PlatformRows}, how rows that the platform's own business writes (applications, payment
 * batches) are marked. Queries for users take the {@link sunshine.security.Actor} and read only rows within the
 * actor's region (households by their village code, enrollments through their household). Everything else lives
 * in {@code sunshine.registry.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry 登记数据")
package sunshine.registry;
