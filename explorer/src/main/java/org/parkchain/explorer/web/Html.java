package org.parkchain.explorer.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds an HTML page. Every piece of text goes through {@link #text} or {@link #attr}, which escape it: token names
 * and symbols, resident names and revert reasons are chosen by whoever sent a transaction, so nothing from the
 * chain ever reaches the page unescaped. Markup is only ever written from string constants in this package.
 */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(8192);

    /** Escapes text for element content and for double-quoted attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Markup from this package's constants (never from data). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String s) {
        out.append(escape(s));
        return this;
    }

    /** {@code <tag class="…">text</tag>}. */
    Html el(String tag, String cssClass, String text) {
        out.append('<').append(tag);
        if (!cssClass.isEmpty()) {
            out.append(" class=\"").append(escape(cssClass)).append('"');
        }
        return raw(">").text(text).raw("</" + tag + ">");
    }

    /** A link; {@code href} is built by the caller from a fixed path and escaped here. */
    Html link(String href, String text) {
        return raw("<a href=\"").raw(escape(href)).raw("\">").text(text).raw("</a>");
    }

    /** {@code name="value"} with the value escaped. */
    Html attr(String name, String value) {
        return raw(" " + name + "=\"").raw(escape(value)).raw("\"");
    }

    Html heading(String text) {
        return el("h1", "", text);
    }

    Html section(String title) {
        return el("h2", "", title);
    }

    /** A definition row of a detail table. */
    Html row(String label, String value) {
        return raw("<tr><th>").text(label).raw("</th><td>").text(value).raw("</td></tr>");
    }

    /** A definition row whose value is a link. */
    Html rowLink(String label, String href, String value) {
        return raw("<tr><th>").text(label).raw("</th><td>").link(href, value).raw("</td></tr>");
    }

    Html tableStart(String id, String... headers) {
        raw("<div class=\"scroll\"><table class=\"list\"");
        if (!id.isEmpty()) {
            attr("id", id);
        }
        raw("><thead><tr>");
        for (String h : headers) {
            el("th", "", h);
        }
        return raw("</tr></thead><tbody>");
    }

    Html tableEnd() {
        return raw("</tbody></table></div>");
    }

    Html cell(String text) {
        return el("td", "", text);
    }

    Html cellLink(String href, String text) {
        return raw("<td>").link(href, text).raw("</td>");
    }

    @Override
    public String toString() {
        return out.toString();
    }

    // ---- formatting ----

    static String time(long unixSeconds) {
        return TIME.format(Instant.ofEpochSecond(unixSeconds));
    }

    /** "1,500,000" or "0.5": an amount in the smallest unit shown in whole units of {@code decimals}. */
    static String amount(String smallestUnits, int decimals) {
        if (smallestUnits.isEmpty()) {
            return "";
        }
        BigDecimal v = new BigDecimal(new BigInteger(smallestUnits), Math.max(0, Math.min(decimals, 77)));
        BigDecimal whole = v.stripTrailingZeros();
        String plain = whole.toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String grouped = String.format("%,d", new BigInteger(intPart));
        return dot < 0 ? grouped : grouped + plain.substring(dot);
    }

    /** "0x1234…abcd" for tables; the full value is in the link's target. */
    static String shortHex(String hex) {
        return hex.length() <= 14 ? hex : hex.substring(0, 8) + "…" + hex.substring(hex.length() - 6);
    }
}
