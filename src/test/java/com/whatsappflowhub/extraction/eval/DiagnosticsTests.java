package com.whatsappflowhub.extraction.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.Priority;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DiagnosticsTests {

	final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	@SuppressWarnings("unchecked")
	void countsConfusionPerLanguageAndPooled() {
		var d = new Diagnostics();
		d.actionable("es", true, false, 0.31);
		d.actionable("en", true, true, 0.95);
		d.actionable("en", false, true, 0.62);
		d.taskCount("en", 2, 1);
		var all = (Map<String, Map<String, Integer>>) d.confusion().get("all");
		assertThat(all.get("actionable")).containsEntry("true -> false", 1).containsEntry("true -> true", 1)
			.containsEntry("false -> true", 1);
		var es = (Map<String, Map<String, Integer>>) d.confusion().get("es");
		assertThat(es.get("actionable")).containsOnlyKeys("true -> false");
		assertThat(all.get("task_count")).containsEntry("2 -> 1", 1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void tellsMissedFromSpuriousFields() throws Exception {
		var d = new Diagnostics();
		var gold = mapper.readTree("{\"title\":\"Fix tap\",\"assignee\":\"Ana\",\"priority\":\"high\",\"deadline\":null}");
		ExtractedTask predicted = task(Priority.MEDIUM);
		d.task("en", gold, predicted);
		var all = (Map<String, Map<String, Integer>>) d.confusion().get("all");
		assertThat(all.get("priority")).containsEntry("high -> medium", 1);
		assertThat(all.get("assignee")).containsEntry("missed", 1);
		assertThat(all.get("deadline")).containsEntry("correct (none)", 1);
	}

	@Test
	void putsProbabilitiesInDeciles() {
		var d = new Diagnostics();
		d.actionable(null, true, true, 0.93);
		d.actionable(null, false, true, 0.97);
		d.actionable(null, false, false, 0.05);
		List<Map<String, Object>> rows = d.calibration();
		assertThat(rows).hasSize(10);
		assertThat(rows.get(9)).containsEntry("n", 2).containsEntry("observed_actionable", 0.5);
		assertThat(rows.get(0)).containsEntry("n", 1).containsEntry("observed_actionable", 0.0);
	}

	private static ExtractedTask task(Priority priority) {
		return new ExtractedTask("Fix tap", "Fix tap", priority, null, null, 0.9, Map.of());
	}
}
