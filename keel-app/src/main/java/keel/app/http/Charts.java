package keel.app.http;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keel.store.jdbc.Json;

/** Line charts drawn in the browser by uPlot (served from its WebJar) from data embedded in the page. */
final class Charts {
    private Charts() {
    }

    /** A chart of {@code keys} of {@code rows} (each with an {@code asOf} date) over time. */
    static String lines(String id, List<Map<String, Object>> rows, List<String> keys, List<String> labels, String unit) {
        List<Object> data = new ArrayList<>();
        List<Long> x = new ArrayList<>();
        for (Map<String, Object> r : rows) x.add(LocalDate.parse((String) r.get("asOf")).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
        data.add(x);
        for (String k : keys) data.add(rows.stream().map(r -> r.get(k)).toList());
        String json = Json.write(Map.of("data", data, "labels", labels, "unit", unit)).replace("</", "<\\/");
        return "<div class=\"chart\" id=\"" + id + "\"></div><script type=\"application/json\" id=\"" + id + "-data\">" + json
                + "</script><script>keelLineChart('" + id + "', '" + id + "-data');</script>";
    }
}
