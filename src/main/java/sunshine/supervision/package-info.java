/**
 * Supervision (监督检查): random inspections (双随机一公开, workflows.md §4) and campaigns (专项治理, §5). Town risk
 * indicators, budgets and performance evaluation will join this module later.
 *
 * <h2>Public API</h2>
 * <ul>
 *   <li>{@link sunshine.supervision.InspectionService}: {@code create} (announce: announcement, draw date and pools
 *       fixed and public), {@code draw} (on the draw date, with the beacon), {@code recordResult} (problems enter
 *       the ledger), {@code publish}, {@code get}, {@code list}, {@code publicView}, {@code verify} (replay a
 *       stored draw), {@code replay} (a draw from any inputs)</li>
 *   <li>{@link sunshine.supervision.SampleSize}: Cochran's sample size with the finite population correction</li>
 *   <li>{@link sunshine.supervision.CampaignService}: {@code create}, {@code list}, {@code get}, {@code report}
 *       (tables county → city → province, by problem type, county × type), {@code writeXlsx},
 *       {@code recordProblem}</li>
 *   <li>the records beside them; {@link sunshine.supervision.SupervisionException} for every refusal</li>
 * </ul>
 * REST: {@code /api/inspections}, {@code /api/campaigns}, {@code /api/public/inspections}
 * ({@code sunshine.supervision.web}). Machinery: {@code sunshine.supervision.internal}.
 *
 * <h2>The draw</h2>
 * Reproducible by anyone with SHA-256 alone: the pools hash to a pool hash published with the announcement; the
 * seed is SHA-256 of a text made of the draw date, the pool hash, the beacon (a public random value named in the
 * announcement and known only on the draw date, e.g. the welfare lottery's numbers) and the announcement; random
 * numbers are SHA-256(seed ‖ counter); targets are drawn by a partial Fisher–Yates shuffle of the pool sorted by
 * id, inspectors likewise for each target among those not from the target's town. The exact text formats are in
 * {@code sunshine.supervision.internal.Draws}; {@code docs/random-inspection-draw.md} replays a draw in Python.
 *
 * <h2>Campaign tables</h2>
 * Every figure is a sum over ledger items ({@link sunshine.ledger.LedgerService#figures}) in BigDecimal: the
 * tables reconcile with the ledger to the cent, and each level is the sum of the one below.
 *
 * <h2>Who may do what</h2>
 * County staff and above organise inspections and campaigns within their region; discipline inspection and audit
 * look; an inspection outside the actor's region is "not found". Announced inspections are public.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision 监督检查")
package sunshine.supervision;
