package cn.gridflow.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Cookie-to-header CSRF for the single-page app: the XSRF-TOKEN cookie is written on every response and the app
 * echoes it in X-XSRF-TOKEN. The token never appears in a server-rendered page, so the BREACH masking of the
 * default handler buys nothing here and would make the cookie value unusable as a header.
 */
final class SpaCsrfTokenRequestHandler extends CsrfTokenRequestAttributeHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        super.handle(request, response, csrfToken);
        // Load the deferred token now so that the repository writes the cookie on this response.
        csrfToken.get();
    }
}
