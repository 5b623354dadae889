package sunshine.security;

/**
 * What a user may do. Staff of a level act within their region; discipline inspection and audit read everything
 * in their region and change nothing; the administrator manages users and settings.
 */
public enum Role {
    PROVINCE("省级民政"), CITY("市级民政"), COUNTY("县级民政"), TOWN("乡镇"), VILLAGE("村（居）"),
    DISCIPLINE("纪检监察"), AUDIT("审计"), ADMIN("系统管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name users see. */
    public String label() {
        return label;
    }

    /** Discipline inspection and audit look, they never change anything. */
    public boolean readOnly() {
        return this == DISCIPLINE || this == AUDIT;
    }

    /**
     * Whether the role may import data: the civil-affairs bureaus of a county, a city or a province. Towns and
     * villages submit through their county; discipline inspection and audit change nothing; the administrator
     * manages accounts, not fund data (separation of duties).
     */
    public boolean mayImport() {
        return this == PROVINCE || this == CITY || this == COUNTY;
    }

    /**
     * Whether the role works with personal data (households, persons, full ID numbers on request): every role but
     * the administrator, who manages accounts and never needs to see a beneficiary.
     */
    public boolean handlesPersonalData() {
        return this != ADMIN;
    }
}
