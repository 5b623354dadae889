package sunshine.applications.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import sunshine.applications.ApplicationException;

/**
 * What the step forms of a case page send, as typed: kept as text, so that a refused step shows the form again
 * with everything the user entered.
 */
public class StepForm {

    private String date = "";
    private String investigator1 = "";
    private String investigator2 = "";
    private String investigator3 = "";
    private String findings = "";
    private String verifiedIncome = "";
    private String outcome = "";
    private String opinion = "";
    private String text = "";
    private String approverIdNo = "";
    private String amount = "";
    private String overrideReason = "";
    private String stable = "";

    /** The day given, or null for today. */
    LocalDate day() {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw ApplicationException.invalid("日期格式应为 2026-11-02：" + date, "a date looks like 2026-11-02: " + date);
        }
    }

    List<String> investigators() {
        List<String> out = new ArrayList<>();
        for (String s : new String[]{investigator1, investigator2, investigator3}) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    BigDecimal verifiedIncomeValue() {
        return money(verifiedIncome, "核实的家庭月收入", "the verified monthly income");
    }

    BigDecimal amountValue() {
        return money(amount, "核定金额", "the amount");
    }

    Boolean stableValue() {
        return stable == null || stable.isBlank() ? null : Boolean.valueOf(stable);
    }

    static BigDecimal money(String s, String zh, String en) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ApplicationException.invalid(zh + "须为金额（元），如 350.00：" + s,
                    en + " must be an amount in yuan, e.g. 350.00: " + s);
        }
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getInvestigator1() {
        return investigator1;
    }

    public void setInvestigator1(String investigator1) {
        this.investigator1 = investigator1;
    }

    public String getInvestigator2() {
        return investigator2;
    }

    public void setInvestigator2(String investigator2) {
        this.investigator2 = investigator2;
    }

    public String getInvestigator3() {
        return investigator3;
    }

    public void setInvestigator3(String investigator3) {
        this.investigator3 = investigator3;
    }

    public String getFindings() {
        return findings;
    }

    public void setFindings(String findings) {
        this.findings = findings;
    }

    public String getVerifiedIncome() {
        return verifiedIncome;
    }

    public void setVerifiedIncome(String verifiedIncome) {
        this.verifiedIncome = verifiedIncome;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getApproverIdNo() {
        return approverIdNo;
    }

    public void setApproverIdNo(String approverIdNo) {
        this.approverIdNo = approverIdNo;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public void setOverrideReason(String overrideReason) {
        this.overrideReason = overrideReason;
    }

    public String getStable() {
        return stable;
    }

    public void setStable(String stable) {
        this.stable = stable;
    }
}
