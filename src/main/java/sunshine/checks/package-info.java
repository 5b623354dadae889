/**
 * The cross-check engine (大数据比对): every rule of {@code ../shared/spec/rules.md}, exactly as
 * {@code docs/rules-interpretation.md} reads it, over a whole province on one machine.
 * <p>
 * <b>Public API</b> (this package):
 * <ul>
 *   <li>{@link sunshine.checks.CheckEngine}: {@code standard()} (all rules), {@code only(codes)},
 *       {@code defaultParameters()}, {@code run(source, period, parameters, progress)} → {@link sunshine.checks.CheckResult}</li>
 *   <li>{@link sunshine.checks.CheckSource}: where the data comes from; {@code CheckSource.folder(dir)} reads a
 *       folder of contract files; a database source implements the same interface (typed rows per dataset)</li>
 *   <li>{@link sunshine.checks.CheckParameters} / {@link sunshine.checks.ParameterSpec}: every parameter with its
 *       rules.md default, overridable by name ({@code A02.enterprise_capital=50000}), unknown names refused</li>
 *   <li>{@link sunshine.checks.Clue}, {@link sunshine.checks.Severity}, {@link sunshine.checks.RuleInfo},
 *       {@link sunshine.checks.InputInfo}: what comes out</li>
 *   <li>{@link sunshine.checks.CheckCommand}: the {@code check} command line (no Spring)</li>
 *   <li>{@link sunshine.checks.CheckException}, {@link sunshine.checks.CheckInputException}: refused requests and
 *       refused input (errors naming file, row, column)</li>
 * </ul>
 * <b>In the server</b> (Spring): {@link sunshine.checks.CheckRunService} starts runs over the imported registry
 * ({@code CheckSource.database}), one at a time, stores them and their clues ({@code V3__checks.sql}), publishes
 * {@link sunshine.checks.CheckRunCompleted} after the commit, runs the monthly schedule, and answers the screens
 * within the user's region: {@link sunshine.checks.CheckRun}, {@link sunshine.checks.CheckRunProgress},
 * {@link sunshine.checks.ClueQuery}, {@link sunshine.checks.CluePage}, {@link sunshine.checks.StoredClue},
 * {@link sunshine.checks.CheckRunSummary}; it implements {@link sunshine.checks.CheckRuns} for the ledger. Refusals:
 * {@link sunshine.checks.CheckRunBusyException}, {@link sunshine.checks.CheckAccessDeniedException}. REST under
 * {@code /api/checks} ({@code web}); the JDBC store, the run lock and the schedule in {@code server}.
 * <b>Internal</b> (sub-packages, not for other modules): {@code engine} (the {@code Rule} SPI, the
 * {@code CheckContext} with every shared term, clue building, money, months, IDs, region codes), {@code data} (the
 * in-memory snapshot: typed columns, dictionaries, façades per dataset), {@code load} (source → snapshot),
 * {@code source} (the folder and database sources), {@code output} (clues.csv, summaries, parameters.csv,
 * summary.xlsx),
 * {@code rules} (one class per rule, listed in {@code Rules.all()}).
 * <p>
 * The engine depends on {@code sunshine.contract} only, and no Spring bean is needed to run a check; the server part
 * also on {@code sunshine.security} (the actor whose region scopes every answer).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Checks 大数据比对")
package sunshine.checks;
