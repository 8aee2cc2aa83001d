package com.whatsappflowhub.extraction.embedded;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of the time grammar in Spanish, Portuguese, Indonesian and Hinglish (accent-folded, lower case), as
 * data: the grammar's rules combine them exactly as they combine the English words. Where a word is also a
 * common word of another language ("once", "do", "das", "segunda"), it is marked so that it is latent alone.
 */
final class Languages {

	private Languages() {
	}

	static final Map<String, Integer> NUMBERS = Map.ofEntries(
			// Spanish
			Map.entry("un", 1), Map.entry("uno", 1), Map.entry("una", 1), Map.entry("dos", 2), Map.entry("tres", 3),
			Map.entry("cuatro", 4), Map.entry("cinco", 5), Map.entry("seis", 6), Map.entry("siete", 7), Map.entry("ocho", 8),
			Map.entry("nueve", 9), Map.entry("diez", 10), Map.entry("once", 11), Map.entry("doce", 12), Map.entry("trece", 13),
			Map.entry("catorce", 14), Map.entry("quince", 15), Map.entry("veinte", 20), Map.entry("treinta", 30),
			Map.entry("cuarenta", 40), Map.entry("cincuenta", 50),
			// Portuguese
			Map.entry("um", 1), Map.entry("uma", 1), Map.entry("dois", 2), Map.entry("duas", 2), Map.entry("quatro", 4),
			Map.entry("sete", 7), Map.entry("oito", 8), Map.entry("nove", 9), Map.entry("dez", 10), Map.entry("onze", 11), Map.entry("quinze", 15),
			Map.entry("doze", 12), Map.entry("treze", 13), Map.entry("catorze", 14), Map.entry("quatorze", 14),
			Map.entry("vinte", 20), Map.entry("trinta", 30), Map.entry("quarenta", 40), Map.entry("cinquenta", 50),
			// Indonesian
			Map.entry("satu", 1), Map.entry("dua", 2), Map.entry("tiga", 3), Map.entry("empat", 4), Map.entry("lima", 5),
			Map.entry("enam", 6), Map.entry("tujuh", 7), Map.entry("delapan", 8), Map.entry("sembilan", 9),
			Map.entry("sepuluh", 10), Map.entry("sebelas", 11),
			// Hinglish
			Map.entry("ek", 1), Map.entry("do", 2), Map.entry("teen", 3), Map.entry("char", 4), Map.entry("chaar", 4),
			Map.entry("paanch", 5), Map.entry("panch", 5), Map.entry("chhe", 6), Map.entry("chhah", 6), Map.entry("saat", 7),
			Map.entry("aath", 8), Map.entry("nau", 9), Map.entry("das", 10), Map.entry("gyarah", 11), Map.entry("gyara", 11),
			Map.entry("barah", 12), Map.entry("baarah", 12), Map.entry("baara", 12), Map.entry("pandrah", 15),
			Map.entry("bees", 20), Map.entry("tees", 30));

	/** Number words that are as often something else (an article, a verb, an English word): no bare hour. */
	static final Set<String> AMBIGUOUS_NUMBERS = Set.of("un", "uno", "una", "um", "uma", "once", "ek", "do", "teen", "char",
			"nau", "das", "bees", "lima", "saat", "tees", "dos", "seis", "sete", "nove", "dua", "tiga", "satu");

	static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("primero", 1), Map.entry("primer", 1),
			Map.entry("primera", 1), Map.entry("primeiro", 1), Map.entry("primeira", 1), Map.entry("segundo", 2),
			Map.entry("segunda", 2), Map.entry("tercero", 3), Map.entry("tercer", 3), Map.entry("tercera", 3),
			Map.entry("terceiro", 3), Map.entry("terceira", 3), Map.entry("cuarto", 4), Map.entry("cuarta", 4),
			Map.entry("quarto", 4), Map.entry("quarta", 4), Map.entry("quinto", 5), Map.entry("quinta", 5),
			Map.entry("pertama", 1), Map.entry("kedua", 2), Map.entry("ketiga", 3), Map.entry("keempat", 4),
			Map.entry("kelima", 5), Map.entry("pehla", 1), Map.entry("pehli", 1), Map.entry("pahla", 1), Map.entry("pahli", 1),
			Map.entry("doosra", 2), Map.entry("doosri", 2), Map.entry("dusra", 2), Map.entry("dusri", 2), Map.entry("teesra", 3),
			Map.entry("teesri", 3), Map.entry("tisra", 3), Map.entry("tisri", 3), Map.entry("chautha", 4), Map.entry("chauthi", 4));

	/** Monday first. Indonesian "minggu" is also "week": it is a Sunday only as "hari minggu" or before a date. */
	static final String[] WEEKDAYS = { "lunes|segunda|segundas|senin|snin|somvar|somwar|somvaar",
			"martes|terca|tercas|selasa|mangalvar|mangalwar|mangalvaar",
			"miercoles|miercole|mircoles|quarta|quartas|rabu|budhvar|budhwar|budhvaar",
			"jueves|juebes|quinta|quintas|kamis|guruvar|guruwar|veervar|veerwar|brihaspativar",
			"viernes|bienes|sexta|sextas|jumat|jum'at|jumaat|shukravar|shukrawar|shukrvar",
			"sabado|sabados|sabtu|shanivar|shaniwar|shanivaar", "domingo|domingos|ravivar|raviwar|itwar|itvaar|etwar" };

	/** Portuguese weekdays that are also ordinals ("a segunda vez", "a quinta"): latent alone. */
	static final Pattern ORDINAL_WEEKDAY = Pattern.compile("segundas?|tercas?|quartas?|quintas?|sextas?");

	static final String[] MONTHS = { "enero|janeiro|januari", "febrero|fevereiro|februari|pebruari", "marzo|marco|maret",
			"abril", "mayo|maio|mei", "junio|junho|juni", "julio|julho|juli", "agosto|agustus",
			"septiembre|setiembre|setembro", "octubre|outubro|oktober", "noviembre|novembro|nopember",
			"diciembre|dezembro|desember" };

	static final Map<String, TimePredicate.Unit> UNITS = Map.ofEntries(Map.entry("segundos", TimePredicate.Unit.SECOND),
			Map.entry("detik", TimePredicate.Unit.SECOND), Map.entry("minuto", TimePredicate.Unit.MINUTE),
			Map.entry("minutos", TimePredicate.Unit.MINUTE), Map.entry("menit", TimePredicate.Unit.MINUTE),
			Map.entry("mnt", TimePredicate.Unit.MINUTE), Map.entry("minat", TimePredicate.Unit.MINUTE),
			Map.entry("hora", TimePredicate.Unit.HOUR), Map.entry("horas", TimePredicate.Unit.HOUR),
			Map.entry("jam", TimePredicate.Unit.HOUR), Map.entry("ghanta", TimePredicate.Unit.HOUR),
			Map.entry("ghante", TimePredicate.Unit.HOUR), Map.entry("ghanton", TimePredicate.Unit.HOUR),
			Map.entry("dia", TimePredicate.Unit.DAY), Map.entry("dias", TimePredicate.Unit.DAY),
			Map.entry("hari", TimePredicate.Unit.DAY), Map.entry("din", TimePredicate.Unit.DAY),
			Map.entry("dino", TimePredicate.Unit.DAY), Map.entry("semana", TimePredicate.Unit.WEEK),
			Map.entry("semanas", TimePredicate.Unit.WEEK), Map.entry("minggu", TimePredicate.Unit.WEEK),
			Map.entry("pekan", TimePredicate.Unit.WEEK), Map.entry("hafta", TimePredicate.Unit.WEEK),
			Map.entry("hafte", TimePredicate.Unit.WEEK), Map.entry("haftey", TimePredicate.Unit.WEEK),
			Map.entry("mes", TimePredicate.Unit.MONTH), Map.entry("meses", TimePredicate.Unit.MONTH),
			Map.entry("bulan", TimePredicate.Unit.MONTH), Map.entry("mahina", TimePredicate.Unit.MONTH),
			Map.entry("mahine", TimePredicate.Unit.MONTH), Map.entry("mahino", TimePredicate.Unit.MONTH),
			Map.entry("ano", TimePredicate.Unit.YEAR), Map.entry("anos", TimePredicate.Unit.YEAR),
			Map.entry("tahun", TimePredicate.Unit.YEAR), Map.entry("thn", TimePredicate.Unit.YEAR),
			Map.entry("saal", TimePredicate.Unit.YEAR), Map.entry("sal", TimePredicate.Unit.YEAR),
			Map.entry("trimestre", TimePredicate.Unit.QUARTER), Map.entry("trimestres", TimePredicate.Unit.QUARTER),
			Map.entry("kuartal", TimePredicate.Unit.QUARTER));

	static final String PARTS_OF_DAY = "manana|madrugada|tarde|noche|manha|noite|pagi|siang|sore|malam|subah|subha|savere"
			+ "|dopahar|dopehar|dupahar|shaam|sham|raat|rat";

	static String partOfDay(String word) {
		return switch (word) {
			case "manana", "manha", "pagi", "subah", "subha", "savere" -> "morning";
			case "madrugada" -> "early";
			case "siang", "dopahar", "dopehar", "dupahar" -> "midday";
			case "tarde" -> "afternoon";
			case "sore" -> "late afternoon";
			case "noche", "noite", "malam", "shaam", "sham", "raat", "rat" -> "evening";
			default -> "";
		};
	}

	/** A preposition or article of one language before a part of the day of the same language. */
	static boolean prefixesPartOfDay(String prefix, String word) {
		boolean indonesian = word.equals("pagi") || word.equals("siang") || word.equals("sore") || word.equals("malam");
		boolean hindi = word.startsWith("s") && !word.equals("siang") && !word.equals("sore") || word.startsWith("d")
				|| word.startsWith("r");
		if (indonesian) {
			return prefix.equals("di") || prefix.equals("pada");
		}
		if (hindi) {
			return false;
		}
		return !prefix.equals("di") && !prefix.equals("pada");
	}

	static final Pattern NEXT = Pattern.compile("proximo|proxima|siguiente|seguinte|agle|agla|agli|aglay");

	static final Pattern LAST = Pattern.compile("pichhle|pichle|pichla|pichli");

	static final Pattern THIS = Pattern.compile("este|esta|esse|essa|neste|nesta|nesse|nessa");

	static final Pattern NEXT_AFTER = Pattern.compile("depan|berikutnya|brikutnya|mendatang|siguiente|seguinte");

	static final Pattern LAST_AFTER = Pattern.compile("lalu|pasado|pasada|passado|passada|kemarin");

	static final Pattern BEFORE = Pattern.compile("antes|sebelum|sblm");

	static final String THIS_DAY = "hoy|hoje|aaj|ini|este|esta|nesta|neste|essa|esse";
}
