package sunshine.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One row type per dataset of the data contract, with its values in contract column order ({@link Row#row()}).
 * Mutable on purpose: the generator builds a clean county first and then alters some of its rows to inject an
 * anomaly (a payment's amount, a card's custodian), which is how the anomalies arise in real data too.
 */
final class Model {

    private Model() {
    }

    /** A record that becomes one row of its dataset. */
    interface Row {
        /** Typed values in contract column order, as {@link sunshine.contract.DatasetWriter#write} takes them. */
        Object[] row();
    }

    static final class Region implements Row {
        final String code;
        final String name;
        final String level;
        final String parentCode;
        Long population;

        Region(String code, String name, String level, String parentCode, Long population) {
            this.code = code;
            this.name = name;
            this.level = level;
            this.parentCode = parentCode;
            this.population = population;
        }

        public Object[] row() {
            return new Object[] {code, name, level, parentCode, population};
        }
    }

    static final class Household implements Row {
        final String id;
        final String regionCode;
        final String address;
        String headId;
        final String urbanRural;

        Household(String id, String regionCode, String address, String headId, String urbanRural) {
            this.id = id;
            this.regionCode = regionCode;
            this.address = address;
            this.headId = headId;
            this.urbanRural = urbanRural;
        }

        String town() {
            return regionCode.substring(0, 9) + "000";
        }

        String county() {
            return regionCode.substring(0, 6);
        }

        public Object[] row() {
            return new Object[] {id, regionCode, address, headId, urbanRural};
        }
    }

    static final class Person implements Row {
        final String id;
        final String name;
        final String gender;
        final LocalDate birthDate;
        final String householdId;
        final String relation;
        Integer disabilityLevel;

        Person(String id, String name, String gender, LocalDate birthDate, String householdId, String relation) {
            this.id = id;
            this.name = name;
            this.gender = gender;
            this.birthDate = birthDate;
            this.householdId = householdId;
            this.relation = relation;
        }

        public Object[] row() {
            return new Object[] {id, name, gender, birthDate, householdId, relation, disabilityLevel};
        }
    }

    static final class Enrollment implements Row {
        final String id;
        final String program;
        final Household household;
        Person payee;
        String status;
        LocalDate approvedDate;
        final YearMonth startMonth;
        YearMonth endMonth;
        BigDecimal monthlyAmount;
        BigDecimal perCapitaIncome;
        String approverId;
        String investigatorId;
        final List<Person> members = new ArrayList<>();
        /** The payments made for this enrollment, in the order they were made. */
        final List<Payment> payments = new ArrayList<>();

        Enrollment(String id, String program, Household household, Person payee, String status,
                   LocalDate approvedDate, YearMonth startMonth, YearMonth endMonth, BigDecimal monthlyAmount,
                   BigDecimal perCapitaIncome) {
            this.id = id;
            this.program = program;
            this.household = household;
            this.payee = payee;
            this.status = status;
            this.approvedDate = approvedDate;
            this.startMonth = startMonth;
            this.endMonth = endMonth;
            this.monthlyAmount = monthlyAmount;
            this.perCapitaIncome = perCapitaIncome;
        }

        boolean isDibao() {
            return program.startsWith("DIBAO_");
        }

        boolean isHouseholdProgram() {
            return isDibao() || program.equals("TEMP_ASSIST");
        }

        public Object[] row() {
            return new Object[] {id, program, household.id, payee.id, status, approvedDate, startMonth, endMonth,
                    monthlyAmount, perCapitaIncome, approverId, investigatorId};
        }
    }

    record Member(String enrollmentId, String idNo) implements Row {
        public Object[] row() {
            return new Object[] {enrollmentId, idNo};
        }
    }

    record Standard(String regionCode, String program, String urbanRural, YearMonth effectiveMonth,
                    BigDecimal monthlyStandard) implements Row {
        public Object[] row() {
            return new Object[] {regionCode, program, urbanRural, effectiveMonth, monthlyStandard};
        }
    }

    static final class Card implements Row {
        final String cardNo;
        final String bank;
        final String holderId;
        final String holderName;
        final LocalDate openedDate;
        String status;
        String purpose;
        String custodianId;

        Card(String cardNo, String bank, String holderId, String holderName, LocalDate openedDate, String status,
             String purpose, String custodianId) {
            this.cardNo = cardNo;
            this.bank = bank;
            this.holderId = holderId;
            this.holderName = holderName;
            this.openedDate = openedDate;
            this.status = status;
            this.purpose = purpose;
            this.custodianId = custodianId;
        }

        public Object[] row() {
            return new Object[] {cardNo, bank, holderId, holderName, openedDate, status, purpose, custodianId};
        }
    }

    static final class Payment implements Row {
        final String id;
        final Enrollment enrollment;
        final YearMonth period;
        BigDecimal amount;
        String channel;
        String cardNo;
        LocalDate paidDate;
        String remark;
        String batchId;
        /** Its bank receipts; empty for cash, or where the bank has not reported yet. */
        final List<Receipt> receipts = new ArrayList<>();

        Payment(String id, Enrollment enrollment, YearMonth period, BigDecimal amount, String channel,
                String cardNo, LocalDate paidDate, String remark, String batchId) {
            this.id = id;
            this.enrollment = enrollment;
            this.period = period;
            this.amount = amount;
            this.channel = channel;
            this.cardNo = cardNo;
            this.paidDate = paidDate;
            this.remark = remark;
            this.batchId = batchId;
        }

        /** A made payment (rules.md): not one with a FAILED receipt and no SUCCESS one. */
        boolean made() {
            boolean failed = false;
            for (Receipt r : receipts) {
                if (r.status.equals("SUCCESS")) {
                    return true;
                }
                failed = true;
            }
            return !failed;
        }

        public Object[] row() {
            return new Object[] {id, enrollment.id, period, amount, channel, cardNo, paidDate, remark, batchId};
        }
    }

    static final class Receipt implements Row {
        final String paymentId;
        String cardNo;
        BigDecimal amount;
        String status;
        LocalDate settledDate;
        String failureReason;

        Receipt(String paymentId, String cardNo, BigDecimal amount, String status, LocalDate settledDate,
                String failureReason) {
            this.paymentId = paymentId;
            this.cardNo = cardNo;
            this.amount = amount;
            this.status = status;
            this.settledDate = settledDate;
            this.failureReason = failureReason;
        }

        public Object[] row() {
            return new Object[] {paymentId, cardNo, amount, status, settledDate, failureReason};
        }
    }

    static final class Submission implements Row {
        final String batchId;
        final String regionCode;
        final YearMonth period;
        String enrollmentId;
        String payeeId;
        String name;
        BigDecimal amount;
        String cardNo;

        Submission(String batchId, String regionCode, YearMonth period, String enrollmentId, String payeeId,
                   String name, BigDecimal amount, String cardNo) {
            this.batchId = batchId;
            this.regionCode = regionCode;
            this.period = period;
            this.enrollmentId = enrollmentId;
            this.payeeId = payeeId;
            this.name = name;
            this.amount = amount;
            this.cardNo = cardNo;
        }

        Submission copy() {
            return new Submission(batchId, regionCode, period, enrollmentId, payeeId, name, amount, cardNo);
        }

        public Object[] row() {
            return new Object[] {batchId, regionCode, period, enrollmentId, payeeId, name, amount, cardNo};
        }
    }

    record Staff(String id, String name, String role, String regionCode, String level, LocalDate activeFrom,
                 LocalDate activeTo) implements Row {
        boolean inOfficeOn(LocalDate day) {
            return (activeFrom == null || !activeFrom.isAfter(day)) && (activeTo == null || !activeTo.isBefore(day));
        }

        public Object[] row() {
            return new Object[] {id, name, role, regionCode, level, activeFrom, activeTo};
        }
    }

    record StaffRelative(String staffId, String relativeId, String relation) implements Row {
        public Object[] row() {
            return new Object[] {staffId, relativeId, relation};
        }
    }

    record Filing(String id, String kind, String subjectId, String relatedId, String cardNo, LocalDate filedDate,
                  String filedLevel) implements Row {
        public Object[] row() {
            return new Object[] {id, kind, subjectId, relatedId, cardNo, filedDate, filedLevel};
        }
    }

    record Death(String id, String name, LocalDate deathDate, String source) implements Row {
        public Object[] row() {
            return new Object[] {id, name, deathDate, source};
        }
    }

    record Business(String id, String name, String role, String entityName, String creditCode, String entityType,
                    String status, BigDecimal registeredCapital, LocalDate establishedDate) implements Row {
        public Object[] row() {
            return new Object[] {id, name, role, entityName, creditCode, entityType, status, registeredCapital,
                    establishedDate};
        }
    }

    record Vehicle(String id, String plateNo, String type, String usage, LocalDate registeredDate,
                   BigDecimal purchasePrice, String status) implements Row {
        public Object[] row() {
            return new Object[] {id, plateNo, type, usage, registeredDate, purchasePrice, status};
        }
    }

    record Property(String id, String certificateNo, String usage, BigDecimal areaSqm, String regionCode,
                    LocalDate registeredDate) implements Row {
        public Object[] row() {
            return new Object[] {id, certificateNo, usage, areaSqm, regionCode, registeredDate};
        }
    }

    record PublicEmployee(String id, String name, String employer, String category, LocalDate employedFrom,
                          LocalDate employedTo) implements Row {
        public Object[] row() {
            return new Object[] {id, name, employer, category, employedFrom, employedTo};
        }
    }

    record Insurance(String id, YearMonth period, String kind, BigDecimal monthlyAmount) implements Row {
        public Object[] row() {
            return new Object[] {id, period, kind, monthlyAmount};
        }
    }

    record OtherRoll(String id, String program, String regionCode, YearMonth period, BigDecimal amount)
            implements Row {
        public Object[] row() {
            return new Object[] {id, program, regionCode, period, amount};
        }
    }

    record Certificate(String id, int level, String kind, LocalDate issuedDate, String status) implements Row {
        public Object[] row() {
            return new Object[] {id, level, kind, issuedDate, status};
        }
    }

    record Residency(String id, String event, LocalDate eventDate, String toRegion) implements Row {
        public Object[] row() {
            return new Object[] {id, event, eventDate, toRegion};
        }
    }
}
