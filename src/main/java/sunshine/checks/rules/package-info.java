/**
 * The rules of rules.md, one small class each, read exactly as docs/rules-interpretation.md says.
 * <p>
 * <b>Adding a rule</b> (e.g. C05 LATE_PAYMENT):
 * <ol>
 *   <li>Write {@code LatePayment implements sunshine.checks.engine.Rule} in this package: {@code code()} "C05",
 *       {@code name()} "LATE_PAYMENT", {@code nameZh()} "发放不及时", {@code severity()} the table's;
 *       {@code parameters()} its {@link sunshine.checks.ParameterSpec}s named {@code C05.<name>} with the defaults of
 *       the interpretation's parameter list (declare them as constants and read them with
 *       {@code ctx.integer(DEADLINE_DAY)} ...); {@code requires()} the registry datasets beyond the base ones it cannot
 *       do without (standards, cards, staff, staff_relatives, filings, payroll_submissions); {@code uses()} the
 *       external datasets (and optional registry ones) it reads.</li>
 *   <li>{@code run(ctx, out)}: walk the snapshot through the context and emit
 *       {@code out.clue().subject(...).enrollment(e).periods(from, to).amountCents(..)/amountUnits(..)
 *       .explanation("…").evidence(Evidence.object()...).add()}. Use the context for every term (never re-implement
 *       one): {@code inWindow}, {@code madePaymentsInWindow}, {@code isMade}, {@code paid}, {@code covered},
 *       {@code share}, {@code isActiveAt}, {@code inScope} (every rule whose subject starts with an enrollment skips
 *       enrollments not in scope), {@code standard}, {@code town}/{@code county}, {@code inOffice},
 *       {@code inOfficeDuringWindow}, {@code staffCovers}, {@code isStaff}, {@code endOfPeriod},
 *       {@code firstDayOfWindow}, {@code maskedName}. External facts: {@code ctx.facts("vehicles")} gives the rows of
 *       registry persons ordered by person ({@code from(person)}, {@code to(person)}; typed columns such as
 *       {@code dates("registered_date")}, {@code money("purchase_price")}, {@code enums("status")}).</li>
 *   <li>Add one line to {@link sunshine.checks.rules.Rules#all()}.</li>
 *   <li>Write {@code LatePaymentTest} in src/test/java/sunshine/checks/rules on a tiny folder built with
 *       {@code sunshine.checks.CheckFixture} (rows as CSV text): what fires, the amounts to the cent, and the
 *       near-misses that must not fire.</li>
 * </ol>
 * A term the context lacks is added to {@code CheckContext} (with a test in CheckContextTest), never inside a rule.
 * Money: cents ({@code long}) for whole payments, share units ({@code ctx.share}) for members' shares, summed and
 * rounded once by the clue builder; never double.
 */
package sunshine.checks.rules;
