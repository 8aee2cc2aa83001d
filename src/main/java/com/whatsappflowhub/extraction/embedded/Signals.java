package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.Entity;
import com.whatsappflowhub.extraction.Sentiment;
import com.whatsappflowhub.extraction.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sentiment from a small multilingual lexicon, and entities from patterns and the staff directory. */
final class Signals {

	private Signals() {
	}

	private static final Pattern POSITIVE = Pattern.compile("(?<![\\p{L}])(?:thanks|thank|great|love|loved|lovely|perfect"
			+ "|awesome|amazing|excellent|good|happy|glad|nice|wonderful|appreciate|best|fantastic|gracias|obrigad[oa]"
			+ "|lindo|linda|excelente|genial|mantap|bagus|terima kasih|accha|badhiya|correcto|beleza)(?![\\p{L}])"
			+ "|\\p{So}(?<=[\\u263a\\u2764])|\ud83d[\ude00-\ude0d\udc4d\udc4c\ude4f\udf89]|\ud83c\udf89");

	private static final Pattern NEGATIVE = Pattern.compile("(?<![\\p{L}])(?:not happy|unhappy|angry|bad|terrible|awful"
			+ "|worst|ridiculous|unacceptable|frustrating|frustrated|disappointed|broken|dead|leak|leaking|late|sick"
			+ "|painful|sorry|complain|complained|problem|issue|wrong|fading|squashed|stolen|missing|inaceptable"
			+ "|quebrou|estragou|problema|rusak|bocor|kharab|sigue igual|de novo|again|down|error|pain|help)(?![\\p{L}])"
			+ "|!!|\ud83d[\ude20\ude21\ude24\ude1e\ude15\ude13\ude2c\udd25]|\ud83e\udd12|\ud83d\udea8|\ud83e\udd76|\ud83d\ude43");

	static Sentiment sentiment(String folded) {
		int pos = count(POSITIVE, folded);
		int neg = count(NEGATIVE, folded);
		if (pos + neg == 0) {
			return new Sentiment(Sentiment.Polarity.NEUTRAL, 0);
		}
		double score = (double) (pos - neg) / (pos + neg + 1);
		Sentiment.Polarity polarity = score > 0.2 ? Sentiment.Polarity.POSITIVE
				: score < -0.2 ? Sentiment.Polarity.NEGATIVE : Sentiment.Polarity.NEUTRAL;
		return new Sentiment(polarity, Math.round(score * 1000) / 1000.0);
	}

	private static int count(Pattern p, String s) {
		Matcher m = p.matcher(s);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

	private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\d[\\d ()-]{7,}\\d(?![\\w])");

	private static final Pattern AMOUNT = Pattern.compile("(?:[$\u20ac\u00a3\u20b9]|R\\$|Rp\\.?\\s?|USD\\s?|EUR\\s?|R\\s)\\s?\\d[\\d,.]*\\s?[kKmM]?"
			+ "|\\d[\\d,.]*\\s?(?:dollars|euros|reais|pesos|rupees|rand|naira|rb|ribu|juta)(?![\\p{L}])");

	private static final Pattern ORDER = Pattern.compile("#\\s?[A-Z0-9][A-Z0-9-]{2,}|(?<![\\w-])[A-Z]{2,5}-\\d{3,}(?![\\w])"
			+ "|(?i:(?:order|invoice|inv|po|ticket|tracking|case|ref|pedido|fatura|factura)\\s?(?:no\\.?|number|#|nr)?\\s?:?\\s?)(?-i:[A-Z0-9][A-Z0-9/-]{3,})");

	private static final Pattern ORGANISATION = Pattern.compile("(?:[A-Z][\\p{L}&']+\\s){0,3}(?:Ltd|Inc|LLC|Traders|Hardware|Foods|Mart|"
			+ "Logistics|Services|Bank|HVAC|Corp|Co\\.|Group|Studio|Clinic|Bakery|Pharmacy|Motors|Realty|Properties|Unimed)(?![\\p{L}])");

	static List<Entity> entities(String text, String folded, List<Directory.Mention> people,
			List<DeadlineParser.Found> dates) {
		var out = new ArrayList<Entity>();
		add(out, EMAIL, text, Entity.Type.EMAIL);
		add(out, ORDER, text, Entity.Type.ORDER_NUMBER);
		add(out, PHONE, text, Entity.Type.PHONE);
		add(out, AMOUNT, text, Entity.Type.AMOUNT);
		add(out, ORGANISATION, text, Entity.Type.ORGANISATION);
		for (Directory.Mention m : people) {
			Span span = m.span(text);
			out.add(new Entity(Entity.Type.PERSON, m.name(), span));
		}
		for (DeadlineParser.Found f : dates) {
			if (!f.now()) {
				out.add(new Entity(Entity.Type.DATE, f.span().text(), f.span()));
			}
		}
		out.sort(Comparator.comparingInt((Entity e) -> e.span().start()).thenComparing(e -> e.type().ordinal()));
		// drop entities inside an earlier one (a phone number inside an order number...)
		var kept = new ArrayList<Entity>();
		int end = -1;
		for (Entity e : out) {
			if (e.span().start() >= end) {
				kept.add(e);
				end = e.span().end();
			}
		}
		return kept;
	}

	private static void add(List<Entity> out, Pattern p, String text, Entity.Type type) {
		Matcher m = p.matcher(text);
		while (m.find()) {
			String value = m.group().strip();
			int start = m.start() + m.group().indexOf(value);
			out.add(new Entity(type, value, new Span(start, start + value.length(), value)));
		}
	}
}
