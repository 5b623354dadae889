/**
 * The demo county: on the first start of the server on the embedded database, a county scenario is generated
 * (the {@code scenario} module, seed 1) and imported through the ordinary importer, so that a newcomer sees real
 * screens at once; once imported, a check run (every rule, rules.md defaults) for the scenario's check month
 * (2026-10) fills the clues, the problem ledger and the overview's dashboard, and its outcome is printed in a
 * start-up banner. It never runs against another database and never when anything was imported before.
 * <p>
 * On that first start it also creates one account per role for the demo county's regions
 * ({@link sunshine.demo.DemoUsers}, through {@link sunshine.security.UserAccounts}), with random passwords printed
 * once to the console and written to {@code data/demo-users.txt}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo 演示数据")
package sunshine.demo;
