package sunshine.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import sunshine.contract.DataContract;
import sunshine.imports.ImportRequestException;
import sunshine.imports.ImportResult;
import sunshine.imports.ImportRun;
import sunshine.imports.ImportService;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;

/**
 * The import screen: upload a contract file, watch its progress, read the outcome, download the error report. The
 * upload form is shown to the roles that may import; the importer checks again (role and region).
 */
@Controller
class ImportPageController {

    private final ImportService imports;
    private final CurrentActor current;

    ImportPageController(ImportService imports, CurrentActor current) {
        this.imports = imports;
        this.current = current;
    }

    @GetMapping("/imports")
    String page(Model model) {
        Actor actor = current.get();
        List<ImportRun> runs = imports.recentRuns(actor, 50);
        model.addAttribute("datasets", DataContract.standard().datasets());
        model.addAttribute("runs", runs);
        model.addAttribute("readable", readable(imports, actor, runs));
        model.addAttribute("mayImport", actor.role().mayImport());
        model.addAttribute("progress", imports.progress());
        return "imports";
    }

    /** The upload, answered with the outcome fragment (htmx swaps it into the page). */
    @PostMapping("/imports")
    String upload(@RequestParam("file") MultipartFile file,
                  @RequestParam(value = "dataset", required = false) String dataset, Model model) throws IOException {
        Actor actor = current.get();
        try (InputStream content = file.getInputStream()) {
            ImportResult result = imports.importUpload(content, file.getOriginalFilename(),
                    Optional.ofNullable(dataset), actor);
            model.addAttribute("result", result);
            model.addAttribute("readable", result.files().stream().map(ImportResult.FileResult::importId)
                    .collect(Collectors.toSet()));
        } catch (ImportRequestException e) {
            model.addAttribute("refusal", e.reason());
        }
        return "imports :: outcome";
    }

    /** What the running import is doing; polled by the pages while one runs. */
    @GetMapping("/imports/progress")
    String progress(Model model) {
        model.addAttribute("progress", imports.progress());
        return "fragments :: progress";
    }

    /** The runs whose error reports the actor may download. */
    static Set<Long> readable(ImportService imports, Actor actor, List<ImportRun> runs) {
        Predicate<ImportRun> access = imports.reportAccess(actor);
        return runs.stream().filter(access).map(ImportRun::id).collect(Collectors.toSet());
    }
}
