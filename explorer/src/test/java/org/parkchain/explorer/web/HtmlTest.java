package org.parkchain.explorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEveryCharacterThatCouldOpenMarkupOrLeaveAnAttribute() {
        assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Html.escape("\" onmouseover='x' & y")).isEqualTo("&quot; onmouseover=&#39;x&#39; &amp; y");
        String page = new Html().el("td", "", "<b>X</b>").link("/token/\"><script>", "<i>").attr("data-x", "\"'<>")
                .toString();
        assertThat(page).doesNotContain("<b>").doesNotContain("<i>").doesNotContain("\"><script>")
                .contains("&lt;b&gt;X&lt;/b&gt;").contains("data-x=\"&quot;&#39;&lt;&gt;\"");
    }

    @Test
    void amountsAreShownInWholeUnitsWithGroupingAndNoTrailingZeros() {
        assertThat(Html.amount("1500000000000000000000000", 18)).isEqualTo("1,500,000");
        assertThat(Html.amount("1500000000000000000", 18)).isEqualTo("1.5");
        assertThat(Html.amount("0", 18)).isEqualTo("0");
        assertThat(Html.amount("1234567", 0)).isEqualTo("1,234,567");
        assertThat(Html.amount("", 18)).isEmpty();
    }

    @Test
    void timesAreUtc() {
        assertThat(Html.time(0)).isEqualTo("1970-01-01 00:00:00 UTC");
    }
}
