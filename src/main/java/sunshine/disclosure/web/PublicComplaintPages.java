package sunshine.disclosure.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import sunshine.contract.DataContract;
import sunshine.ledger.Complaint;
import sunshine.ledger.ComplaintService;
import sunshine.ledger.ComplaintStatus;
import sunshine.ledger.LedgerException;
import sunshine.registry.RegionTree;

/**
 * The public complaint form and the tracking page, rendered by the server (the CSRF token is in the form) over the
 * ledger's {@link ComplaintService} — the same service, limits and rules as {@code /api/public/complaints}:
 * <ul>
 *   <li>{@code GET /public/complaints/new}: choose where it happened (county, then town and village if known),
 *       then the form; {@code ?region=} preselects a region (the notice pages link here with their village);</li>
 *   <li>{@code POST /public/complaints}: submit; on success a redirect to {@code /public/complaints/received},
 *       which shows the tracking code once; a refusal (invalid, too long, too many from one address) shows the
 *       form again with what was typed and the reason, with status 400, 413 or 429;</li>
 *   <li>{@code GET /public/complaints}: the look-up form; {@code /public/complaints/{code}}: the stage.</li>
 * </ul>
 * While the form is open the page asks {@code /public/complaints/keepalive} every ten minutes, so that the session,
 * and with it the form's CSRF token, does not expire while someone writes.
 */
@Controller
class PublicComplaintPages {

    /** The form's fields (a severity cannot be set from outside). */
    record Form(String region, String content, String aboutName, String aboutIdNo, String program, String name,
                String contact) {
    }

    private final ComplaintService complaints;
    private final RegionTree regions;

    PublicComplaintPages(ComplaintService complaints, RegionTree regions) {
        this.complaints = complaints;
        this.regions = regions;
    }

    @GetMapping("/public/complaints/new")
    String form(@RequestParam(value = "region", required = false) String region, Model model) {
        model.addAttribute("form", new Form(region, "", "", "", "", "", ""));
        return prepare(region, model);
    }

    @PostMapping("/public/complaints")
    String submit(@ModelAttribute Form form, HttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        try {
            String code = complaints.submitPublic(new Complaint(form.region(), form.content(), form.aboutName(),
                    form.aboutIdNo(), blankToNull(form.program()), form.name(), form.contact(), null),
                    request.getRemoteAddr()).trackingCode();
            redirect.addFlashAttribute("trackingCode", code);
            return "redirect:/public/complaints/received";
        } catch (LedgerException e) {
            response.setStatus(e.httpStatus());
            model.addAttribute("refusal", e.reason());
            model.addAttribute("refusalKind", e.kind().name());
            model.addAttribute("form", form);
            return prepare(form.region(), model);
        }
    }

    /** The tracking code, shown once (a flash attribute: a reload does not show it again). */
    @GetMapping("/public/complaints/received")
    String received(Model model) {
        if (!model.containsAttribute("trackingCode")) {
            return "redirect:/public/complaints";
        }
        return "public/complaint-received";
    }

    @GetMapping("/public/complaints")
    String lookup(@RequestParam(value = "code", required = false) String code) {
        if (code != null && !code.isBlank()) {
            return "redirect:/public/complaints/" + UriUtils.encodePathSegment(code.strip(), StandardCharsets.UTF_8);
        }
        return "public/complaint-lookup";
    }

    @GetMapping("/public/complaints/keepalive")
    ResponseEntity<Void> keepalive() {
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/public/complaints/{code}")
    String status(@PathVariable("code") String code, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        try {
            ComplaintStatus s = complaints.status(code, request.getRemoteAddr());
            model.addAttribute("status", s);
            model.addAttribute("receivedAt", NoticeView.beijing(s.receivedAt().toInstant()));
            model.addAttribute("updatedAt", NoticeView.beijing(s.updatedAt().toInstant()));
        } catch (LedgerException e) {
            response.setStatus(e.httpStatus());
            model.addAttribute("refusal", e.reason());
            model.addAttribute("refusalKind", e.kind().name());
        }
        model.addAttribute("code", code);
        return "public/complaint-status";
    }

    /** The region chosen so far (county, town, village) and the finer regions one may choose next. */
    private String prepare(String region, Model model) {
        Optional<RegionTree.Region> chosen = Optional.ofNullable(region).map(String::strip)
                .flatMap(regions::find)
                .filter(r -> List.of("COUNTY", "TOWN", "VILLAGE").contains(r.level()));
        List<RegionTree.Region> path = new ArrayList<>();
        chosen.ifPresent(r -> {
            String county = r.code().substring(0, 6) + "000000";
            String town = r.code().substring(0, 9) + "000";
            if (!county.equals(r.code())) {
                regions.find(county).ifPresent(path::add);
            }
            if (!town.equals(r.code()) && !town.equals(county)) {
                regions.find(town).ifPresent(path::add);
            }
            path.add(r);
        });
        model.addAttribute("chosen", chosen.orElse(null));
        model.addAttribute("path", path);
        model.addAttribute("choices", chosen.map(r -> "VILLAGE".equals(r.level()) ? List.<RegionTree.Region>of()
                : regions.children(r.code())).orElseGet(() -> regions.ofLevel("COUNTY")));
        model.addAttribute("programs", DataContract.standard().enumType("program").values().stream()
                .map(v -> v.code()).toList());
        return "public/complaint-new";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
