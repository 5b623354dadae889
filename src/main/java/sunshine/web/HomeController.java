package sunshine.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import sunshine.imports.ImportService;
import sunshine.registry.RegistryStatistics;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;

/**
 * The overview: coverage within the user's region, what the database holds (dataset sizes: no person, no amount)
 * and the imports the user may see.
 */
@Controller
class HomeController {

    private final RegistryStatistics registry;
    private final ImportService imports;
    private final CurrentActor current;

    HomeController(RegistryStatistics registry, ImportService imports, CurrentActor current) {
        this.registry = registry;
        this.imports = imports;
        this.current = current;
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
        return "home";
    }
}
