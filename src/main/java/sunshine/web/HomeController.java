package sunshine.web;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import sunshine.imports.ImportService;
import sunshine.registry.RegistryStatistics;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;

/**
 * The overview: coverage within the user's region, what the database holds (dataset sizes: no person, no amount)
 * and the imports the user may see; and the dashboard (see {@link Dashboard}) within the user's region, as tables
 * on the page and, for the charts that {@code static/js/dashboard.js} draws beside them, as JSON from
 * {@code GET /api/dashboard} (the content security policy allows no inline script).
 */
@Controller
class HomeController {

    private final RegistryStatistics registry;
    private final ImportService imports;
    private final CurrentActor current;
    private final Dashboard dashboard;

    HomeController(RegistryStatistics registry, ImportService imports, CurrentActor current, Dashboard dashboard) {
        this.registry = registry;
        this.imports = imports;
        this.current = current;
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = current.get();
        var runs = imports.recentRuns(actor, 10);
        model.addAttribute("programs", registry.activeByProgram(actor));
        model.addAttribute("counts", registry.rowCounts());
        model.addAttribute("runs", runs);
        model.addAttribute("readable", ImportPageController.readable(imports, actor, runs));
        model.addAttribute("progress", imports.progress());
        model.addAttribute("dash", dashboard.of(actor));
        return "home";
    }

    /** The dashboard's figures within the signed-in user's region, for its charts. */
    @GetMapping(value = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Dashboard.View data() {
        return dashboard.of(current.get());
    }
}
