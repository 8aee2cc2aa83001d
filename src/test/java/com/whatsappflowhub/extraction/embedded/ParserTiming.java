package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.BusinessConventions;
import com.whatsappflowhub.extraction.eval.LabelledItem;
import java.nio.file.Path;
import java.util.Arrays;

/** Times the date parser alone on a labelled file, after a warm-up (development aid, not a benchmark). */
final class ParserTiming {
	public static void main(String[] args) throws Exception {
		var parser = new DeadlineParser(BusinessConventions.DEFAULTS);
		var items = LabelledItem.read(Path.of(args[0]), tools.jackson.databind.json.JsonMapper.builder().build());
		for (int r = 0; r < 5; r++) {
			for (LabelledItem i : items) {
				parser.parse(i.request().text(), i.request().sentAt(), i.request().locale());
			}
		}
		double[] t = new double[items.size()];
		for (int k = 0; k < items.size(); k++) {
			var i = items.get(k).request();
			var mx = java.lang.management.ManagementFactory.getThreadMXBean(); long s = mx.getCurrentThreadCpuTime();
			parser.parse(i.text(), i.sentAt(), i.locale());
			t[k] = (mx.getCurrentThreadCpuTime() - s) / 1e6;
			if (t[k] > 8) {
				System.out.printf("%.1f ms %d chars: %s%n", t[k], i.text().length(), i.text().substring(0, Math.min(90, i.text().length())));
			}
		}
		Arrays.sort(t);
		System.out.printf("n=%d p50=%.2f p90=%.2f p99=%.2f max=%.2f ms%n", t.length, t[t.length / 2], t[(int) (t.length * 0.9)],
				t[(int) Math.min(t.length - 1, Math.ceil(t.length * 0.99) - 1)], t[t.length - 1]);
	}
}
