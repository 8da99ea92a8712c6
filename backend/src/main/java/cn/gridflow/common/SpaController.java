package cn.gridflow.common;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Deep links into the single-page app (a reload on /tasks/42) get the app's index.html; the app routes. */
@Controller
public class SpaController {

    @GetMapping({"/login", "/tasks", "/tasks/**", "/start", "/start/**", "/incidents/**", "/hoa/**",
            "/procurement/**", "/promotion/**", "/designer/**", "/dashboard/**", "/admin/**"})
    public String app() {
        return "forward:/index.html";
    }
}
