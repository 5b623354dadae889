package sunshine.disclosure.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.disclosure.DisclosureException;
import sunshine.disclosure.LatestVersion;
import sunshine.disclosure.NoticeService;
import sunshine.disclosure.PublishOutcome;
import sunshine.registry.RegionTree;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;

/**
 * Publishing, for staff (signed in; the CSRF token with every change):
 * <ul>
 *   <li>{@code GET /disclosure}: the villages within the user's region with the latest version of each list, and
 *       buttons to publish a village's lists or all of them;</li>
 *   <li>{@code POST /disclosure/publish} ({@code village}, optional {@code program}) and
 *       {@code POST /disclosure/publish-all}: publish, then back to the page with what happened;</li>
 *   <li>{@code POST /api/disclosure/notices} (JSON {@code {"village": "...", "program": "..."}}, program
 *       optional) → the outcome of each list: {@code PUBLISHED} with the new version's hash, or
 *       {@code UNCHANGED}.</li>
 * </ul>
 * {@link NoticeService} checks who may publish which village: staff of its town or above.
 */
@Controller
class NoticePublishController {

    private final NoticeService notices;
    private final RegionTree regions;
    private final CurrentActor current;

    NoticePublishController(NoticeService notices, RegionTree regions, CurrentActor current) {
        this.notices = notices;
        this.regions = regions;
        this.current = current;
    }

    /** A village on the staff page: its latest version per program. */
    record VillageRow(String code, String name, String townName, Map<String, String> latest) {
    }

    @GetMapping("/disclosure")
    String page(Model model) {
        Actor actor = current.get();
        boolean mayPublish = notices.publishes(actor);
        model.addAttribute("actor", actor);
        model.addAttribute("mayPublish", mayPublish);
        if (mayPublish) {
            Map<String, Map<String, LatestVersion>> latest = notices.latestWithin(actor.regionCode());
            Map<String, String> towns = new LinkedHashMap<>();
            List<VillageRow> rows = new ArrayList<>();
            for (RegionTree.Region v : regions.within(actor.regionCode(), "VILLAGE")) {
                String town = towns.computeIfAbsent(v.code().substring(0, 9) + "000",
                        t -> regions.find(t).map(RegionTree.Region::name).orElse(t));
                Map<String, String> versions = new LinkedHashMap<>();
                latest.getOrDefault(v.code(), Map.of()).forEach((program, l) -> versions.put(program,
                        "v" + l.version() + " · " + NoticeView.beijing(l.publishedAt())));
                rows.add(new VillageRow(v.code(), v.name(), town, versions));
            }
            model.addAttribute("villages", rows);
        }
        return "disclosure/publish";
    }

    @PostMapping("/disclosure/publish")
    String publish(@RequestParam("village") String village,
                   @RequestParam(value = "program", required = false) String program,
                   @RequestParam(value = "back", required = false) String back, RedirectAttributes redirect) {
        Actor actor = current.get();
        try {
            List<PublishOutcome> outcomes = program == null || program.isBlank()
                    ? notices.publishVillage(actor, village) : List.of(notices.publish(actor, village, program));
            redirect.addFlashAttribute("outcomes", outcomes);
        } catch (DisclosureException e) {
            redirect.addFlashAttribute("refusal", e.reason());
        }
        return "village".equals(back) && village.matches("\\d{12}") ? "redirect:/public/notices/" + village
                : "redirect:/disclosure";
    }

    @PostMapping("/disclosure/publish-all")
    String publishAll(RedirectAttributes redirect) {
        try {
            List<PublishOutcome> outcomes = notices.publishAll(current.get());
            redirect.addFlashAttribute("outcomes", outcomes.stream()
                    .filter(o -> o.status() != PublishOutcome.Status.NOTHING).toList());
        } catch (DisclosureException e) {
            redirect.addFlashAttribute("refusal", e.reason());
        }
        return "redirect:/disclosure";
    }

    /** What the JSON API takes. */
    record PublishRequest(String village, String program) {
    }

    /** What the JSON API answers per list. */
    record PublishedJson(String village, String program, String status, Integer version, String hash,
                         String previousHash, String signature, String url) {
        static PublishedJson of(PublishOutcome o) {
            var n = o.notice();
            return new PublishedJson(o.villageCode(), o.program(), o.status().name(),
                    n == null ? null : n.version(), n == null ? null : n.hash(), n == null ? null : n.previousHash(),
                    n == null ? null : n.signature(), n == null ? null : NoticeView.base(n));
        }
    }

    @PostMapping("/api/disclosure/notices")
    @ResponseBody
    ResponseEntity<?> publishJson(@RequestBody PublishRequest request) {
        try {
            Actor actor = current.get();
            List<PublishOutcome> outcomes = request.program() == null || request.program().isBlank()
                    ? notices.publishVillage(actor, request.village())
                    : List.of(notices.publish(actor, request.village(), request.program()));
            return ResponseEntity.ok(outcomes.stream().map(PublishedJson::of).toList());
        } catch (DisclosureException e) {
            return ResponseEntity.status(e.httpStatus()).body(e.body());
        }
    }
}
