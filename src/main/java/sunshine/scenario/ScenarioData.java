package sunshine.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sunshine.scenario.Model.Business;
import sunshine.scenario.Model.Card;
import sunshine.scenario.Model.Certificate;
import sunshine.scenario.Model.Death;
import sunshine.scenario.Model.Enrollment;
import sunshine.scenario.Model.Filing;
import sunshine.scenario.Model.Household;
import sunshine.scenario.Model.Insurance;
import sunshine.scenario.Model.OtherRoll;
import sunshine.scenario.Model.Payment;
import sunshine.scenario.Model.Person;
import sunshine.scenario.Model.Property;
import sunshine.scenario.Model.PublicEmployee;
import sunshine.scenario.Model.Receipt;
import sunshine.scenario.Model.Region;
import sunshine.scenario.Model.Residency;
import sunshine.scenario.Model.Row;
import sunshine.scenario.Model.Staff;
import sunshine.scenario.Model.StaffRelative;
import sunshine.scenario.Model.Standard;
import sunshine.scenario.Model.Submission;
import sunshine.scenario.Model.Vehicle;

/**
 * The rows of every dataset for one county while it is generated. Lists keep insertion order, which is the order
 * rows are written in. Payments keep their receipts; enrollments keep their members.
 */
final class ScenarioData {

    final List<Region> regions = new ArrayList<>();
    final List<Household> households = new ArrayList<>();
    final List<Person> persons = new ArrayList<>();
    final List<Enrollment> enrollments = new ArrayList<>();
    final List<Standard> standards = new ArrayList<>();
    final List<Card> cards = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Submission> submissions = new ArrayList<>();
    final List<Staff> staff = new ArrayList<>();
    final List<StaffRelative> staffRelatives = new ArrayList<>();
    final List<Filing> filings = new ArrayList<>();
    final List<Death> deaths = new ArrayList<>();
    final List<Business> businesses = new ArrayList<>();
    final List<Vehicle> vehicles = new ArrayList<>();
    final List<Property> properties = new ArrayList<>();
    final List<PublicEmployee> publicEmployees = new ArrayList<>();
    final List<Insurance> insurance = new ArrayList<>();
    final List<OtherRoll> otherRolls = new ArrayList<>();
    final List<Certificate> certificates = new ArrayList<>();
    final List<Residency> residency = new ArrayList<>();

    /** The rows of each dataset by dataset name, in the contract's order. */
    Map<String, List<? extends Row>> byDataset() {
        Map<String, List<? extends Row>> m = new LinkedHashMap<>();
        m.put("regions", regions);
        m.put("households", households);
        m.put("persons", persons);
        m.put("enrollments", enrollments);
        List<Model.Member> members = new ArrayList<>();
        for (Enrollment e : enrollments) {
            for (Person p : e.members) {
                members.add(new Model.Member(e.id, p.id));
            }
        }
        m.put("enrollment_members", members);
        m.put("standards", standards);
        m.put("cards", cards);
        m.put("payments", payments);
        List<Receipt> receipts = new ArrayList<>();
        for (Payment p : payments) {
            receipts.addAll(p.receipts);
        }
        m.put("bank_receipts", receipts);
        m.put("payroll_submissions", submissions);
        m.put("staff", staff);
        m.put("staff_relatives", staffRelatives);
        m.put("filings", filings);
        m.put("deaths", deaths);
        m.put("businesses", businesses);
        m.put("vehicles", vehicles);
        m.put("properties", properties);
        m.put("public_employees", publicEmployees);
        m.put("social_insurance", insurance);
        m.put("other_rolls", otherRolls);
        m.put("disability_certificates", certificates);
        m.put("residency_events", residency);
        return m;
    }
}
