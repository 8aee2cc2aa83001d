package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.Analysis;
import com.whatsappflowhub.extraction.ExtractionEngine;
import com.whatsappflowhub.extraction.eval.LabelledItem;
import java.nio.file.Path;

/** Prints id, gold, predicted actionable, probability and dates of each message (development aid, to diff two versions). */
final class ActionableDump {
	public static void main(String[] args) throws Exception {
		ExtractionEngine engine = ExtractionEngine.embedded();
		for (LabelledItem item : LabelledItem.read(Path.of(args[0]), tools.jackson.databind.json.JsonMapper.builder().build())) {
			Analysis a = engine.analyse(item.request());
			System.out.println(item.id() + "\t" + item.actionable() + "\t" + a.actionable() + "\t" + a.confidence() + "\t"
					+ a.tasks().size() + "\t" + a.tasks().stream().map(t -> t.priority() + "|" + (t.deadline() == null ? "-" : t.deadline().start().toString())).toList());
		}
	}
}
