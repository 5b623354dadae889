package sunshine.applications.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import sunshine.applications.ApplicationException;
import sunshine.applications.NewApplication;

/**
 * The new-application form as typed (text kept as text, so a refused form comes back with every value), and the
 * {@link NewApplication} it makes. Member rows left empty are ignored; applicant and payee default to the first
 * member (the head).
 */
public class ApplicationForm {

    static final int MEMBER_ROWS = 6;

    private String program = "DIBAO_RURAL";
    private String householdId = "";
    private String regionCode = "";
    private String urbanRural = "RURAL";
    private String address = "";
    private String applicantIdNo = "";
    private String payeeIdNo = "";
    private String cardNo = "";
    private String bank = "";
    private String declaredIncome = "";
    private boolean special;
    private String specialReason = "";
    private List<Member> members = new ArrayList<>();

    public ApplicationForm() {
        fill();
    }

    /** Empty rows up to {@link #MEMBER_ROWS}, for the form. */
    void fill() {
        while (members.size() < MEMBER_ROWS) {
            Member m = new Member();
            m.setRelation(members.isEmpty() ? "HEAD" : "");
            m.setCovered(members.isEmpty());
            members.add(m);
        }
    }

    NewApplication toRequest() {
        List<NewApplication.Member> ms = new ArrayList<>();
        for (Member m : members) {
            if (m.blank()) {
                continue;
            }
            Integer level = null;
            if (m.getDisabilityLevel() != null && !m.getDisabilityLevel().isBlank()) {
                try {
                    level = Integer.valueOf(m.getDisabilityLevel().strip());
                } catch (NumberFormatException e) {
                    throw ApplicationException.invalid("残疾等级须为1-4：" + m.getDisabilityLevel(),
                            "the disability level must be 1-4: " + m.getDisabilityLevel());
                }
            }
            ms.add(new NewApplication.Member(strip(m.getIdNo()), strip(m.getName()), strip(m.getRelation()), level,
                    m.isCovered()));
        }
        if (ms.isEmpty()) {
            throw ApplicationException.invalid("请至少填写一名家庭成员", "list at least one member of the household");
        }
        String first = ms.get(0).idNo();
        BigDecimal income = StepForm.money(declaredIncome, "申报的家庭月收入", "the declared monthly income");
        return new NewApplication(program, blankToNull(householdId), strip(regionCode), urbanRural, strip(address),
                blankToNull(applicantIdNo) == null ? first : applicantIdNo.strip(),
                blankToNull(payeeIdNo) == null ? first : payeeIdNo.strip(), blankToNull(cardNo), blankToNull(bank),
                income, special, blankToNull(specialReason), ms);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One member row. */
    public static class Member {
        private String idNo = "";
        private String name = "";
        private String relation = "";
        private String disabilityLevel = "";
        private boolean covered;

        boolean blank() {
            return (idNo == null || idNo.isBlank()) && (name == null || name.isBlank());
        }

        public String getIdNo() {
            return idNo;
        }

        public void setIdNo(String idNo) {
            this.idNo = idNo;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRelation() {
            return relation;
        }

        public void setRelation(String relation) {
            this.relation = relation;
        }

        public String getDisabilityLevel() {
            return disabilityLevel;
        }

        public void setDisabilityLevel(String disabilityLevel) {
            this.disabilityLevel = disabilityLevel;
        }

        public boolean isCovered() {
            return covered;
        }

        public void setCovered(boolean covered) {
            this.covered = covered;
        }
    }

    public String getProgram() {
        return program;
    }

    public void setProgram(String program) {
        this.program = program;
    }

    public String getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(String householdId) {
        this.householdId = householdId;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getUrbanRural() {
        return urbanRural;
    }

    public void setUrbanRural(String urbanRural) {
        this.urbanRural = urbanRural;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getApplicantIdNo() {
        return applicantIdNo;
    }

    public void setApplicantIdNo(String applicantIdNo) {
        this.applicantIdNo = applicantIdNo;
    }

    public String getPayeeIdNo() {
        return payeeIdNo;
    }

    public void setPayeeIdNo(String payeeIdNo) {
        this.payeeIdNo = payeeIdNo;
    }

    public String getCardNo() {
        return cardNo;
    }

    public void setCardNo(String cardNo) {
        this.cardNo = cardNo;
    }

    public String getBank() {
        return bank;
    }

    public void setBank(String bank) {
        this.bank = bank;
    }

    public String getDeclaredIncome() {
        return declaredIncome;
    }

    public void setDeclaredIncome(String declaredIncome) {
        this.declaredIncome = declaredIncome;
    }

    public boolean isSpecial() {
        return special;
    }

    public void setSpecial(boolean special) {
        this.special = special;
    }

    public String getSpecialReason() {
        return specialReason;
    }

    public void setSpecialReason(String specialReason) {
        this.specialReason = specialReason;
    }

    public List<Member> getMembers() {
        return members;
    }

    public void setMembers(List<Member> members) {
        this.members = members;
    }
}
