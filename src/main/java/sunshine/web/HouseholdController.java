package sunshine.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import sunshine.audit.AuditLog;
import sunshine.registry.Households;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;
import sunshine.security.Masking;

/**
 * A household and its members, within the user's region. ID numbers are shown masked; one full number is
 * revealed on request ({@code POST /households/{id}/members/{n}/id-number}), which is checked against the user's
 * region like the page itself and kept in the audit record (who, when, whose). A household outside the user's
 * region answers 404, exactly like one that does not exist.
 */
@Controller
class HouseholdController {

    static final String ID_REVEALED = "ID_REVEALED";

    private final Households households;
    private final CurrentActor current;
    private final AuditLog audit;

    HouseholdController(Households households, CurrentActor current, AuditLog audit) {
        this.households = households;
        this.current = current;
        this.audit = audit;
    }

    /** The look-up form; with {@code ?id=H001} the household's page. */
    @GetMapping("/households")
    String search(@RequestParam(value = "id", required = false) String id, Model model) {
        Actor actor = current.get();
        if (id != null && !id.isBlank()) {
            return households.find(actor, id).map(h -> "redirect:/households/" + encode(h.householdId()))
                    .orElseGet(() -> {
                        model.addAttribute("notFound", id.strip());
                        return "households";
                    });
        }
        households.find(actor, ""); // the role check: the administrator does not see households
        return "households";
    }

    @GetMapping("/households/{id}")
    String household(@PathVariable("id") String id, Model model) {
        Households.Household h = households.find(current.get(), id).orElseThrow(HouseholdController::notFound);
        model.addAttribute("household", h);
        return "household";
    }

    /** One member's full ID number, as a fragment that replaces the masked one; recorded in the audit record. */
    @PostMapping("/households/{id}/members/{n}/id-number")
    String reveal(@PathVariable("id") String id, @PathVariable("n") int n, Model model) {
        Actor actor = current.get();
        Households.Household h = households.find(actor, id).orElseThrow(HouseholdController::notFound);
        if (n < 1 || n > h.members().size()) {
            throw notFound();
        }
        Households.Member m = h.members().get(n - 1);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("household", h.householdId());
        details.put("member", n);
        details.put("idNumber", Masking.idNumber(m.idNo()));
        details.put("region", h.regionCode());
        audit.record(actor, ID_REVEALED, "household:" + h.householdId(), details);
        model.addAttribute("idNo", m.idNo());
        return "household :: revealed";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static String encode(String id) {
        return org.springframework.web.util.UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
