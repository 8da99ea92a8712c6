package cn.gridflow.incident;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The published grid-matter admission list: the items added by approved requests (向社会公布). */
@RestController
@Tag(name = "Grid-event handling")
public class AdmissionItemController {

    private final AdmissionItems items;

    public AdmissionItemController(AdmissionItems items) {
        this.items = items;
    }

    @GetMapping("/api/admission-items")
    @Operation(summary = "Items added to the grid-matter admission list, with the decision version that admits each")
    public List<AdmissionItems.Item> published() {
        return items.published();
    }
}
