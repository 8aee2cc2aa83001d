package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.ExtractionEngine;
import com.whatsappflowhub.extraction.eval.LabelledItem;
import java.nio.file.Path;

/**
 * Prints every analysis of a labelled file but its time taken, one line a message (development aid: a speed-up
 * must leave this output byte for byte the same; diff the output of two builds).
 */
final class AnalysisDump {
	public static void main(String[] args) throws Exception {
		ExtractionEngine engine = ExtractionEngine.embedded();
		int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
		int n = 0;
		for (LabelledItem item : LabelledItem.read(Path.of(args[0]), tools.jackson.databind.json.JsonMapper.builder().build())) {
			if (n++ >= limit) {
				break;
			}
			String a = engine.analyse(item.request()).toString().replaceAll(", took=PT[^\\]]*\\]$", "]");
			System.out.println(item.id() + "\t" + a);
		}
	}
}
