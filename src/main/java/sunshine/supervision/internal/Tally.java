package sunshine.supervision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import sunshine.ledger.ItemFigures;
import sunshine.ledger.LedgerStatus;
import sunshine.supervision.Figures;

/** Adds up ledger items into one line of figures, exactly (BigDecimal). */
public final class Tally {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private int found;
    private int confirmed;
    private int dismissed;
    private int open;
    private int closed;
    private BigDecimal atRisk = ZERO;
    private BigDecimal toRecover = ZERO;
    private BigDecimal recovered = ZERO;
    private int benefitActions;
    private int transfers;
    private int people;

    public Tally add(ItemFigures f) {
        found++;
        if (f.status().isConfirmed()) {
            confirmed++;
        }
        if (f.status() == LedgerStatus.DISMISSED) {
            dismissed++;
        }
        if (f.status().isOpen()) {
            open++;
        }
        if (f.status() == LedgerStatus.CLOSED) {
            closed++;
        }
        atRisk = atRisk.add(f.amountAtRisk());
        toRecover = toRecover.add(f.amountToRecover());
        recovered = recovered.add(f.amountRecovered());
        benefitActions += f.benefitActions();
        transfers += f.disciplineTransfers();
        people += f.peopleHandled();
        return this;
    }

    public Figures figures() {
        BigDecimal progress = confirmed == 0 ? null : BigDecimal.valueOf(closed * 100L)
                .divide(BigDecimal.valueOf(confirmed), 1, RoundingMode.HALF_UP);
        return new Figures(found, confirmed, dismissed, open, closed, atRisk, toRecover, recovered,
                toRecover.subtract(recovered), benefitActions, transfers, people, progress);
    }
}
