package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.BusinessConventions;
import com.whatsappflowhub.extraction.eval.LabelledItem;
import java.nio.file.Path;

/** Lists what the time grammar reads in each message of a labelled file (development aid). */
final class GrammarOnMessages {
	public static void main(String[] args) throws Exception {
		var g = new TimeGrammar(BusinessConventions.DEFAULTS);
		for (LabelledItem item : LabelledItem.read(Path.of(args[0]), tools.jackson.databind.json.JsonMapper.builder().build())) {
			String text = item.request().text();
			for (TimeGrammar.Match m : g.parse(Text.fold(text), item.request().sentAt().toLocalDateTime(), item.request().locale())) {
				System.out.println(item.id() + " [" + text.substring(m.start(), m.end()) + "] " + m.occurrence().start() + " "
						+ m.occurrence().grain() + (m.now() ? " now" : ""));
			}
		}
	}
}
