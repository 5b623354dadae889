package sunshine.supervision.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import sunshine.security.Actor;
import sunshine.supervision.Campaign;
import sunshine.supervision.CampaignService;
import sunshine.supervision.CampaignStage;
import sunshine.supervision.NewCampaign;
import sunshine.supervision.SupervisionException;
import sunshine.supervision.internal.SupervisionClock;

/**
 * The screens of campaigns (专项治理) over {@link CampaignService}: the list, creating one (regions, programs,
 * period, stages with dates) and the campaign's page with its reporting tables rolled up county → city → province
 * and by problem type, within the user's region, and the XLSX download ({@code /api/campaigns/{id}/report.xlsx}).
 */
@Controller
class CampaignPages {

    /** The programs of the data contract, for the scope's check boxes. */
    static final List<String> PROGRAMS = List.of("DIBAO_URBAN", "DIBAO_RURAL", "TEKUN", "TEMP_ASSIST", "ORPHAN",
            "DISABILITY_LIVING", "DISABILITY_CARE");

    private final CampaignService campaigns;
    private final SupervisionActors actors;
    private final SupervisionClock clock;

    CampaignPages(CampaignService campaigns, SupervisionActors actors, SupervisionClock clock) {
        this.campaigns = campaigns;
        this.actors = actors;
        this.clock = clock;
    }

    @ModelAttribute("organiser")
    boolean organiser() {
        return InspectionPages.organises(actors.get());
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list(actors.get()));
        return "campaigns/list";
    }

    @GetMapping("/campaigns/new")
    String form(Model model) {
        Actor a = actors.get();
        if (!InspectionPages.organises(a)) {
            throw new SupervisionException(SupervisionException.Kind.FORBIDDEN, "专项治理由县级及以上民政部门组织",
                    "campaigns are organised by county staff and above");
        }
        model.addAttribute("form", CampaignForm.blank(a.regionCode(), clock.now().toLocalDate()));
        return form(model, null);
    }

    private String form(Model model, Object error) {
        model.addAttribute("programs", PROGRAMS);
        model.addAttribute("kinds", CampaignStage.Kind.values());
        model.addAttribute("error", error);
        return "campaigns/new";
    }

    @PostMapping("/campaigns")
    String create(@ModelAttribute("form") CampaignForm form, Model model) {
        try {
            Campaign c = campaigns.create(actors.get(), form.toNew());
            return "redirect:/campaigns/" + c.id();
        } catch (SupervisionException e) {
            return form(model, e.reason());
        }
    }

    @GetMapping("/campaigns/{id}")
    String show(@PathVariable("id") long id, Model model) {
        model.addAttribute("report", campaigns.report(actors.get(), id));
        return "campaigns/show";
    }

    @ExceptionHandler(SupervisionException.class)
    String refused(SupervisionException e, HttpServletResponse response, Model model) {
        return InspectionPages.errorPage(e, response, model);
    }

    /** The form creating a campaign: regions separated by spaces or commas; a stage counts when it has dates. */
    static final class CampaignForm {
        private String name;
        private String regions;
        private List<String> programs = new ArrayList<>();
        private String periodFrom;
        private String periodTo;
        /** Per stage kind, in {@link CampaignStage.Kind} order. */
        private List<String> stageFrom = new ArrayList<>();
        private List<String> stageTo = new ArrayList<>();

        static CampaignForm blank(String region, LocalDate today) {
            CampaignForm f = new CampaignForm();
            f.regions = region;
            f.periodFrom = today.toString();
            f.periodTo = today.plusMonths(3).toString();
            return f;
        }

        NewCampaign toNew() {
            List<String> codes = regions == null ? List.of() : Arrays.stream(regions.split("[\\s,，、]+"))
                    .filter(s -> !s.isBlank()).toList();
            List<CampaignStage> stages = new ArrayList<>();
            CampaignStage.Kind[] kinds = CampaignStage.Kind.values();
            for (int i = 0; i < kinds.length; i++) {
                LocalDate from = InspectionPages.date(i < stageFrom.size() ? stageFrom.get(i) : null);
                LocalDate to = InspectionPages.date(i < stageTo.size() ? stageTo.get(i) : null);
                if (from != null || to != null) {
                    stages.add(new CampaignStage(kinds[i], from, to));
                }
            }
            return new NewCampaign(name, codes, programs == null ? List.of() : programs,
                    InspectionPages.date(periodFrom), InspectionPages.date(periodTo),
                    stages);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRegions() {
            return regions;
        }

        public void setRegions(String regions) {
            this.regions = regions;
        }

        public List<String> getPrograms() {
            return programs;
        }

        public void setPrograms(List<String> programs) {
            this.programs = programs;
        }

        public String getPeriodFrom() {
            return periodFrom;
        }

        public void setPeriodFrom(String periodFrom) {
            this.periodFrom = periodFrom;
        }

        public String getPeriodTo() {
            return periodTo;
        }

        public void setPeriodTo(String periodTo) {
            this.periodTo = periodTo;
        }

        public List<String> getStageFrom() {
            return stageFrom;
        }

        public void setStageFrom(List<String> stageFrom) {
            this.stageFrom = stageFrom;
        }

        public List<String> getStageTo() {
            return stageTo;
        }

        public void setStageTo(List<String> stageTo) {
            this.stageTo = stageTo;
        }
    }
}
