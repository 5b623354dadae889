/**
 * The problem ledger (问题台账, workflows.md §3): every clue of the cross-check, every complaint and every problem
 * found by an inspection or a campaign, worked to a closed case — assignment, verification, rectification,
 * recovery, closing — with who did what, when and why.
 *
 * <h2>Public API</h2>
 * <ul>
 *   <li>{@link sunshine.ledger.LedgerService}: {@code get}, {@code search}, {@code history}, {@code evidence},
 *       {@code evidenceFile}, {@code actions} (reading); {@code step} (the life cycle); {@code act},
 *       {@code recordOutcome}, {@code changeAmountToRecover} (rectification); {@code addEvidence};
 *       {@code recordProblem} (problems found by inspections and campaigns); {@code escalateOverdue(now)};
 *       {@code figures} (one row of exact figures per item, for reporting tables)</li>
 *   <li>{@link sunshine.ledger.ClueIntake}: {@code intake(runId, clues)}, {@code intakeRun(runId)}; a listener
 *       takes in every {@link sunshine.checks.CheckRunCompleted} run by itself</li>
 *   <li>{@link sunshine.ledger.ComplaintService}: {@code submitPublic}, {@code submitHotline}, {@code status}</li>
 *   <li>{@link sunshine.ledger.LedgerLifeCycle}, {@link sunshine.ledger.LedgerStatus},
 *       {@link sunshine.ledger.LedgerStep}: the state machine; the records and enums beside them</li>
 *   <li>{@link sunshine.ledger.LedgerException}: every refusal, of a {@link sunshine.ledger.LedgerException.Kind},
 *       with a message in Chinese and English</li>
 * </ul>
 * REST: {@code /api/ledger/...} and {@code /api/public/complaints} ({@code sunshine.ledger.web}). Machinery:
 * {@code sunshine.ledger.internal}.
 *
 * <h2>Life cycle</h2>
 * NEW → ASSIGNED → VERIFYING → DISMISSAL_REVIEW → DISMISSED, or VERIFYING → CONFIRMED → RECTIFYING → REVIEW →
 * CLOSED; the county may send a dismissal back (→ VERIFYING) or a closing back (→ RECTIFYING), and reopen a
 * CLOSED or DISMISSED item (→ ASSIGNED). Any other move is refused (ILLEGAL_TRANSITION). A dismissal needs a
 * reason and at least one evidence file and is decided by the county in the extra step DISMISSAL_REVIEW; closing
 * needs nothing left to recover and is decided by the county in REVIEW; in both reviews the reviewer must be
 * someone else than the person who asked. Every step needs a reason.
 *
 * <h2>Assignment, deadlines, escalation</h2>
 * A new item goes at once to the town of its region code (the first 9 digits); an item whose region is a county
 * (a complaint that names no town) waits NEW at the county, which assigns it. Each stage (assignment,
 * verification, dismissal review, rectification, closing review) has a deadline of
 * {@code sunshine.ledger.deadline-days.<severity>} days from its start (CRITICAL 7, HIGH 15, MEDIUM 30, LOW 60)
 * and an owner: the town for verification and rectification, the county for assignment and the reviews. An item
 * open past its deadline is overdue (red); the escalation job ({@code escalateOverdue}) hands it one level up
 * (town → county → city → province) with a fresh deadline, and records it. Entering the next stage hands it back
 * to the stage's owner.
 *
 * <h2>Recurrence</h2>
 * A check run that finds the rule and subject of an open item adds its clue as evidence (one per run: taking a
 * run in twice changes nothing) and updates the item's figures; one that finds a CLOSED item reopens it as a
 * recurrence (back to ASSIGNED, {@code recurrences} + 1). A DISMISSED item only gets the evidence: the county
 * decides whether to reopen it.
 *
 * <h2>Rectification and money</h2>
 * Confirming sets the amount to recover (default: the amount at risk). While RECTIFYING: stop or adjust the
 * benefit (the decision is recorded; the registry is not edited here), recoveries over time (BigDecimal, cents,
 * never more than what is outstanding), filings, transfers to discipline inspection and later their outcome.
 * The county may change the amount to recover (never below what came back), with a reason.
 *
 * <h2>Evidence files</h2>
 * Stored under {@code ${sunshine.data-dir}/evidence}, named by the SM3 hash of their content, never by a name or
 * path a user gave; at most {@code sunshine.ledger.evidence.max-size} (20 MB); accepted by their content only:
 * PDF, JPEG, PNG, XLSX, DOCX (not macro-enabled), UTF-8 text. The original name is metadata.
 *
 * <h2>Who may do what</h2>
 * Everything is scoped by {@link sunshine.security.Actor#canSee}: an item outside the actor's region is "not
 * found". Discipline inspection and audit see and change nothing; village users do not see the ledger; town
 * staff take the town steps, county staff and above the county steps.
 *
 * <h2>Concurrency</h2>
 * Every change carries the version the actor saw and is written as {@code UPDATE ... WHERE id = ? AND version = ?};
 * whoever comes second gets CONFLICT and nothing of their change is kept, so no update is ever lost.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger 问题台账")
package sunshine.ledger;
