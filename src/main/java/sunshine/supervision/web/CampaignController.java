package sunshine.supervision.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sunshine.ledger.LedgerItem;
import sunshine.supervision.Campaign;
import sunshine.supervision.CampaignReport;
import sunshine.supervision.CampaignService;
import sunshine.supervision.FoundProblem;
import sunshine.supervision.NewCampaign;

/**
 * Campaigns for signed-in staff:
 * <ul>
 *   <li>{@code POST /api/campaigns} ({@link NewCampaign}) → 201</li>
 *   <li>{@code GET /api/campaigns}, {@code GET /api/campaigns/{id}}</li>
 *   <li>{@code GET /api/campaigns/{id}/report}: the reporting tables as JSON</li>
 *   <li>{@code GET /api/campaigns/{id}/report.xlsx}: the same as an Excel workbook</li>
 *   <li>{@code POST /api/campaigns/{id}/problems} ({@link FoundProblem}): a problem found, into the ledger</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CampaignService campaigns;
    private final SupervisionActors actors;

    CampaignController(CampaignService campaigns, SupervisionActors actors) {
        this.campaigns = campaigns;
        this.actors = actors;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Campaign create(@RequestBody NewCampaign in) {
        return campaigns.create(actors.get(), in);
    }

    @GetMapping
    List<Campaign> list() {
        return campaigns.list(actors.get());
    }

    @GetMapping("/{id}")
    Campaign get(@PathVariable("id") long id) {
        return campaigns.get(actors.get(), id);
    }

    @GetMapping("/{id}/report")
    CampaignReport report(@PathVariable("id") long id) {
        return campaigns.report(actors.get(), id);
    }

    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable("id") long id) throws IOException {
        CampaignReport report = campaigns.report(actors.get(), id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        campaigns.writeXlsx(report, out);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename("专项治理-" + id + "-报表.xlsx", StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(XLSX)
                .body(out.toByteArray());
    }

    @PostMapping("/{id}/problems")
    @ResponseStatus(HttpStatus.CREATED)
    LedgerItem problem(@PathVariable("id") long id, @RequestBody FoundProblem body) {
        return campaigns.recordProblem(actors.get(), id, body);
    }
}
