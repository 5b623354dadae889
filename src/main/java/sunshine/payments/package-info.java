/**
 * The monthly payment cycle (发放, workflows.md §2): GENERATED → SUBMITTED → PRECHECKED (rule C07) → APPROVED →
 * EXPORTED (bank file, payments) → RECONCILED (bank receipts, rule C08), failed payments re-issued in a new batch.
 *
 * <h2>Public API</h2>
 * {@link sunshine.payments.PaymentCycle} (generate, regenerate, confirm, upload, precheck, approve, export,
 * importReceipts, reissue, cancel, and the queries), {@link sunshine.payments.PaymentBatch},
 * {@link sunshine.payments.BatchStatus}, {@link sunshine.payments.BatchKind}, {@link sunshine.payments.BatchLine},
 * {@link sunshine.payments.BatchClue}, {@link sunshine.payments.BatchEvent},
 * {@link sunshine.payments.UnpaidEnrollment}, {@link sunshine.payments.Export},
 * {@link sunshine.payments.Reconciliation}, {@link sunshine.payments.PaymentException}. REST: {@code /api/payments}
 * ({@code sunshine.payments.web}).
 *
 * <h2>Data</h2>
 * The module's own tables ({@code payment_batch}, {@code payment_batch_line}, {@code payroll_claim},
 * {@code payment_export}, {@code payment_batch_clue}, {@code payment_receipt_file}, {@code payment_batch_event}) are
 * in {@code V6__benefits.sql}. What it decides lands in the registry tables the importer fills and the check engine
 * reads: a regular batch's list in {@code payroll_submissions}, exported payments in {@code payments}, the bank's
 * receipts in {@code bank_receipts} (platform rows: {@code import_id} 0, see {@link sunshine.registry.PlatformRows}).
 * The checks are the check engine's rules C07 and C08, run on the database through
 * {@link sunshine.registry.RegistrySources}; this module re-implements no rule.
 *
 * <h2>Guarantees, in the database</h2>
 * A batch is exported once ({@code payment_export}'s key, and the batch's row lock); a person is in one batch per
 * program and month ({@code payroll_claim}'s key, also under concurrent requests); a failed payment is re-issued once
 * ({@code payment_batch_line.reissue_of} unique).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments 资金发放")
package sunshine.payments;
