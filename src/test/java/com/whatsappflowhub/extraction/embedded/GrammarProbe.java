package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.BusinessConventions;
import java.util.Locale;

/** A development aid: what the grammar and the pattern rules each read in the texts given, at the test reference. */
public final class GrammarProbe {

	public static void main(String[] args) {
		var parser = new DeadlineParser(BusinessConventions.DEFAULTS);
		for (String text : args) {
			String folded = Text.fold(text);
			System.out.println(text);
			parser.fromGrammar(text, folded, TimeGrammarLanguagesTests.REF, Locale.ROOT)
				.forEach(f -> System.out.println("  grammar  " + f.span().text() + " -> " + TimeGrammarLanguagesTests.describe(f.deadline())));
			parser.patterns(text, folded, TimeGrammarLanguagesTests.REF, Locale.ROOT)
				.forEach(f -> System.out.println("  patterns " + f.span().text() + " -> " + TimeGrammarLanguagesTests.describe(f.deadline())));
		}
	}
}
