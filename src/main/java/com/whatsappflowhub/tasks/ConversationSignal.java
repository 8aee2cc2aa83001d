package com.whatsappflowhub.tasks;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a short WhatsApp reply or reaction by staff means for the task made from the message it answers:
 * "done ✅" completes it, "I'll take it" takes it, a ✅ reaction completes it and a 👍 accepts it. Questions,
 * negations and long messages mean nothing: "is it done?" and "not done yet" must not close a task.
 */
public enum ConversationSignal {

	COMPLETE, TAKE, ACCEPT, NONE;

	private static final int LONGEST_SIGNAL = 80;

	private static final Pattern NEGATION = Pattern.compile(
			"\\b(not|isn't|isnt|aren't|haven't|hasn't|yet to|no está|todavía|aún|nao|não|ainda|belum|blm|tidak|nahi|nahin)\\b", Pattern.UNICODE_CHARACTER_CLASS);

	private static final List<Pattern> COMPLETE_WORDS = List.of(Pattern.compile("\\b(done|finished|completed?|sorted|"
			+ "fixed|resolved|delivered|sent|shipped|paid|all set|taken care of|listo|lista|hecho|hecha|terminado|"
			+ "terminada|resuelto|enviado|entregado|feito|feita|pronto|pronta|concluído|concluido|resolvido|enviado|"
			+ "selesai|sudah beres|beres|sudah dikirim|sudah|ho gaya|ho gya|kar diya|kar dia|bhej diya)\\b", Pattern.UNICODE_CHARACTER_CLASS));

	private static final List<Pattern> TAKE_WORDS = List.of(Pattern.compile("\\b(i'?ll take (it|this|care of it)|"
			+ "i will take (it|this)|on it|i'?m on it|i'?ll handle (it|this)|i'?ll do it|leave it (to|with) me|"
			+ "yo me encargo|me encargo|lo hago yo|yo lo hago|deixa comigo|eu faço|eu cuido|saya ambil|biar saya|"
			+ "saya yang kerjakan|saya urus|main kar (dunga|dungi|lunga|lungi)|main dekh (lunga|lungi))\\b", Pattern.UNICODE_CHARACTER_CLASS));

	private static final Set<String> COMPLETE_EMOJI = Set.of("✅", "✔️", "✔", "☑️", "☑", "💯");

	private static final Set<String> ACCEPT_EMOJI = Set.of("👍", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿", "👌", "🙋", "🙋‍♂️", "🙋‍♀️");

	public static ConversationSignal ofReply(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty() || trimmed.length() > LONGEST_SIGNAL || trimmed.contains("?") || trimmed.contains("¿")) {
			return NONE;
		}
		String normalised = Normalizer.normalize(trimmed.toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
			.replace('’', '\'');
		if (NEGATION.matcher(normalised).find()) {
			return NONE;
		}
		if (TAKE_WORDS.stream().anyMatch(p -> p.matcher(normalised).find())) {
			return TAKE;
		}
		if (COMPLETE_WORDS.stream().anyMatch(p -> p.matcher(normalised).find())
				|| COMPLETE_EMOJI.stream().anyMatch(normalised::contains)) {
			return COMPLETE;
		}
		return NONE;
	}

	public static ConversationSignal ofReaction(String emoji) {
		String e = emoji.strip();
		if (COMPLETE_EMOJI.contains(e)) {
			return COMPLETE;
		}
		return ACCEPT_EMOJI.contains(e) ? ACCEPT : NONE;
	}
}
