package com.whatsappflowhub.extraction.embedded;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The message language: lingua restricted to the languages we serve (fast to load), plus a rule for Hinglish
 * (Hindi written in Latin script), which lingua does not model.
 */
final class LanguageGuess {

	record Result(String code, double confidence) {
	}

	private static final Pattern HINGLISH = Pattern.compile("(?<![\\p{L}])(?:hai|hain|karo|kar|kal|aaj|ka|ke|ki|ko|se"
			+ "|mein|ji|bhai|nahi|nahin|kya|tak|bhej|bhejo|raha|rahe|rahi|tha|thi|accha|acha|bahut|aur|yahan|kitne|wala"
			+ "|wali|baje|jao|de do|diya|gaya|hoga|sab|log|kuch|abhi|jaldi|theek|chal|kaam|karna|chahiye)(?![\\p{L}])");

	private final LanguageDetector detector = LanguageDetectorBuilder
		.fromLanguages(Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE, Language.INDONESIAN)
		.withPreloadedLanguageModels()
		.build();

	Result detect(String text, String folded) {
		int hinglish = 0;
		var m = HINGLISH.matcher(folded);
		while (m.find()) {
			hinglish++;
		}
		int words = folded.isBlank() ? 1 : folded.strip().split("\\s+").length;
		if (hinglish >= 2 && hinglish * 5 >= words) {
			return new Result("hi-Latn", Math.min(0.95, 0.5 + hinglish * 0.1));
		}
		Map<Language, Double> values = detector.computeLanguageConfidenceValues(text);
		if (values.isEmpty()) {
			return new Result("en", 0.0);
		}
		Map.Entry<Language, Double> best = null;
		for (var e : values.entrySet()) {
			if (best == null || e.getValue() > best.getValue()) {
				best = e;
			}
		}
		return new Result(best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT), best.getValue());
	}
}
