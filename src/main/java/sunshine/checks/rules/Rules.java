package sunshine.checks.rules;

import java.util.List;
import sunshine.checks.engine.Rule;

/**
 * Every rule the engine runs, by code. Adding a rule: write its class in this package (one small class, its test
 * beside it in src/test/java/sunshine/checks/rules) and add one line here.
 */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(
                // A: eligibility
                new DeceasedPaid(),
                new BusinessOwner(),
                new VehicleOwner(),
                new PropertyOwner(),
                new PublicEmployee(),
                new IncomeUndeclared(),
                new CrossRegionDuplicate(),
                new DuplicateEnrollment(),
                new LeftOut(),
                new ResidencyEnded(),
                // B: subsidy cards
                new MultipleCards(),
                new HouseholdMultipleCards(),
                new CardholderMismatch(),
                new SharedCard(),
                new CustodyNotFiled(),
                new CardControlledByStaff(),
                new NonstandardRemark(),
                new NotPaidToCard(),
                // C: payments
                new AmountMismatch(),
                new EntitlementMiscalculated(),
                new DuplicatePayment(),
                new PaidOutsideEnrollment(),
                new LatePayment(),
                new MissedPayment(),
                new PrecheckMismatch(),
                new ReceiptMismatch(),
                new TempAssistExcess(),
                // D: staff integrity
                new RelativeNotFiled(),
                new StaffIsBeneficiary(),
                new SelfDealing(),
                new FilingLevelTooLow(),
                // E: town indicators
                new CoverageOutlier(),
                new GrowthSpike(),
                new TopupOutlier());
    }
}
