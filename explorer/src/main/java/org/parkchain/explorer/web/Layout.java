package org.parkchain.explorer.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.parkchain.explorer.index.ChainIndex;
import org.parkchain.rpc.ReadApi;

/** The frame around every page: head, navigation, search box, the index's rebuild progress, and the scripts. */
final class Layout {
    /**
     * Scripts and styles come only from this node, and no inline script runs: even if escaping failed somewhere, an
     * injected script would not execute.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private Layout() {}

    static ReadApi.Response page(int status, String title, ChainIndex.Progress progress, Html body) {
        Html h = new Html();
        h.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw(" · Parkchain explorer</title>")
                .raw("<link rel=\"stylesheet\" href=\"/assets/uPlot.min.css\">")
                .raw("<link rel=\"stylesheet\" href=\"/assets/explorer.css\">")
                .raw("<script src=\"/assets/uPlot.iife.min.js\" defer></script>")
                .raw("<script src=\"/assets/explorer.js\" defer></script></head><body>")
                .raw("<header><a class=\"brand\" href=\"/\">Parkchain</a><nav>")
                .link("/", "Chain").link("/tokens", "Tokens").link("/park/residents", "Residents")
                .link("/park/board", "Board").link("/park/clients", "Clients").link("/park/blocked", "Blocked")
                .link("/park/offerings", "Offerings").link("/park/markets", "Markets").link("/park/levy", "Levy")
                .raw("</nav><form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">")
                .raw("<input id=\"search\" name=\"q\" type=\"search\" maxlength=\"100\" ")
                .raw("placeholder=\"Address, tx hash, block, token symbol, resident\" aria-label=\"Search\">")
                .raw("<button type=\"submit\">Search</button></form></header><main>");
        if (!progress.complete()) {
            h.raw("<div class=\"notice\" id=\"index-progress\"><p>").text("The explorer's index is being built: block "
                    + progress.indexedUpTo() + " of " + progress.head() + ". Listings show what is indexed so far.")
                    .raw("</p><progress max=\"100\"").attr("value", Integer.toString(progress.percent()))
                    .raw("></progress></div>");
        }
        h.raw(body.toString()).raw("</main><footer>").text("Served by this node · data API under /api/ · JSON-RPC on POST /")
                .raw("</footer></body></html>");
        return new ReadApi.Response(status, "text/html; charset=utf-8", h.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff",
                        "Cache-Control", "no-store"));
    }
}
