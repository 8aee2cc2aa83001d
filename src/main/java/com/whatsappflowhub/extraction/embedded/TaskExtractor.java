package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.AnalysisRequest;
import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.Priority;
import com.whatsappflowhub.extraction.Span;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns an actionable message into tasks: splits it into clauses, groups the clauses that ask for one action
 * (a new addressee starts a new task), then finds each task's assignee, deadline, priority and title.
 */
final class TaskExtractor {

	/** A clause of the message, with its offsets. */
	record Segment(int start, int end, String text, String folded) {
	}

	private static final class Draft {
		final List<Segment> segments = new ArrayList<>();
		final List<Directory.Mention> addressees = new ArrayList<>();
		@Nullable String assignee;
		@Nullable Span assigneeSpan;
		boolean commitment;
		boolean fromContext;
		boolean strong;
	}

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\\u2026])\\s+|\\s*\\n+\\s*|\\s*;\\s*|(?<=\\p{So})\\s+(?=\\p{Lu})"
			+ "|(?<=\\s)(?=\\d\\)\\s)|\\s+-\\s+(?=\\p{L})");

	private static final Pattern CONNECTOR_BEFORE_NAME = Pattern.compile("(?:,|\\band also|\\band|\\balso|\\by|\\be|\\baur"
			+ "|\\bdan|\\bthen|\\b&|\\bterus|\\btrus|\\blalu|\\bphir|\\by luego|\\be depois|\\bplus)\\s*$");

	private static final Pattern AFTER_VOCATIVE = Pattern.compile("^(?:\\s+(?:and|y|e|&)\\s+@?\\p{L}+)?(?:\\s*[,:]|\\s+(?:pls|please|plz"
			+ "|can|could|would|will|you|u|tu|porfa|por favor|tolong|ko|ji|bhai|make|bring|send|call|ring|check|get|go"
			+ "|take|do|update|prepare|fix|move|follow|print|confirm|reorder|order|come|lock|clean|liga|verifica|manda"
			+ "|fica|ajusta|confirma|antar|siapkan|kal|aaj|cek|kirim|bawa|beli|bana|bhej|dekho|karo|pide|revisa|confere"
			+ "|\\p{L}+(?:o|e|a)\\b))", Pattern.CASE_INSENSITIVE);

	private static final Pattern ADDRESS_PREFIX = Pattern.compile("^(?:(?:hi+|hey+|heya|hello+|hola|oi|ola|dear|good morning|good am|morning"
			+ "|pagi|kak|pak|bu|mas|sir|team|guys|all|everyone|equipo|pessoal|girls|ok|okay|so)[\\s,!.:]+)*", Pattern.CASE_INSENSITIVE);

	private static final Pattern POLITE = Pattern.compile("(?i)(?<![\\p{L}])(?:please|pls|plz|kindly|porfa|por favor|tolong"
			+ "|can you|could you|would you|will you|can u|could u|can ya|can someone|can somebody|can anyone|could someone"
			+ "|can we|could we|could i|can i|may i|any chance of|is it possible to|i'd like to|i would like to"
			+ "|i want to|i'll|i will|i can|i could|i'm going to|we need to|we need|i need|need to|need|somebody needs to"
			+ "|someone needs to|someone pls|someone|whoever is|make sure to|remember to|just|also|and|then"
			+ "|you're on|you are on|tu|tú)(?![\\p{L}])");

	private static final Pattern TRAILING_NOISE = Pattern.compile("(?i)[\\s,.!?;:]*(?<![\\p{L}])(?:for me|sorry|thanks|thank you|thx|pls|please"
			+ "|x|ok|too|for now|asap|right now|now|again|when you get a sec|when you have a moment|when you get a chance"
			+ "|no rush|sin prisa|sem pressa)?[\\s,.!?;:\\p{So}\\p{Sk}\\p{Cs}\\u200d\\ufe0f]*$");

	private static final Pattern CLAUSE_CUT = Pattern.compile("(?i),\\s(?!\\d+ \\p{Lu})|\\s(?:because|since|as|so that|so|but|cause|coz|bc"
			+ "|it's|its|they're|she's|he's|we're|we have|we only)\\s|\\s[-\u2013\u2014]\\s|:\\s");

	private static final Pattern LEADING_ARTICLE = Pattern.compile("(?i)^(?:the|our|my|a|an|your)\\s+");

	private static final Pattern WHO_CAN = Pattern.compile("(?i)^(?:who can|who's able to|anyone able to|can anyone|can someone"
			+ "|someone pls|someone please|alguem pode|alguien puede|siapa yang bisa)\\s+");

	private final DeadlineParser parser;

	TaskExtractor(DeadlineParser parser) {
		this.parser = parser;
	}

	List<ExtractedTask> extract(AnalysisRequest request, String folded, String language, List<DeadlineParser.Found> dates,
			List<Directory.Mention> mentions, Directory directory, double confidence) {
		String text = request.text();
		String senderEntry = request.sender() == null ? null : directory.entryFor(request.sender().name());
		boolean senderIsStaff = request.sender() != null && request.sender().role().isStaff();
		List<Segment> segments = segments(text, folded, mentions);
		String lastContext = request.context().isEmpty() ? "" : request.context().get(request.context().size() - 1).text();
		String lastContextFolded = Text.fold(lastContext);
		boolean contextRequest = !lastContext.isEmpty() && (Cues.has(Cues.MODAL_REQUEST, lastContextFolded)
				|| Cues.has(Cues.PLEASE, lastContextFolded) || lastContextFolded.contains("who can")
				|| Cues.has(Cues.NEED, lastContextFolded) || Cues.has(Cues.PROBLEM, lastContextFolded)
				|| Cues.IMPERATIVE_START.matcher(Features.stripAddress(lastContextFolded)).find());

		var drafts = new ArrayList<Draft>();
		Segment previous = null;
		for (Segment s : segments) {
			List<Directory.Mention> addressees = addressees(s, mentions, request);
			boolean commitment = senderIsStaff && isCommitment(s.folded());
			boolean action = isAction(s, contextRequest) || !addressees.isEmpty() && isWeakAction(s);
			if (!action) {
				previous = s;
				continue;
			}
			boolean strong = isStrong(s, contextRequest);
			Draft current = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
			boolean newSentence = previous == null || !sameSentence(text, previous, s);
			boolean imperativeSentence = newSentence && current != null && current.strong
					&& Cues.IMPERATIVE_START.matcher(Features.stripAddress(s.folded())).find()
					&& s.folded().strip().split("\\s+").length > 2;
			boolean startsNew = current == null || !addressees.isEmpty() || commitment != current.commitment
					|| imperativeSentence;
			if (startsNew) {
				var d = new Draft();
				d.segments.add(s);
				d.addressees.addAll(addressees.isEmpty() && imperativeSentence ? current.addressees : addressees);
				d.commitment = commitment;
				d.strong = strong;
				drafts.add(d);
			}
			else {
				current.segments.add(s);
				current.strong |= strong;
			}
			previous = s;
		}
		// a bare problem report next to real requests is the background of those requests
		if (drafts.stream().anyMatch(d -> d.strong)) {
			drafts.removeIf(d -> !d.strong && d.addressees.isEmpty() && !d.commitment);
		}
		if (drafts.isEmpty()) {
			var d = new Draft();
			Segment best = segments.isEmpty() ? new Segment(0, text.length(), text, folded) : segments.get(0);
			for (Segment s : segments) {
				if (Cues.has(Cues.PROBLEM, s.folded()) || Cues.has(Cues.NEED, s.folded())
						|| Cues.has(Cues.HARM, s.folded()) || Cues.has(Cues.COMPLAINT, s.folded())) {
					best = s;
					break;
				}
			}
			d.segments.add(best);
			d.commitment = senderIsStaff && isCommitment(folded);
			d.addressees.addAll(addressees(best, mentions, request));
			drafts.add(d);
		}
		// a staff reply that accepts a request from the context takes that request
		if (senderIsStaff && contextRequest && drafts.size() == 1 && drafts.get(0).addressees.isEmpty()
				&& (Cues.ACCEPTANCE.matcher(folded.strip()).find() || isCommitment(folded))) {
			drafts.get(0).fromContext = !hasOwnObject(folded);
			drafts.get(0).commitment = true;
		}

		var tasks = new ArrayList<ExtractedTask>();
		for (Draft d : drafts) {
			var people = new ArrayList<Directory.Mention>(d.addressees);
			if (people.isEmpty()) {
				people.add(null);
			}
			for (Directory.Mention person : people) {
				tasks.add(build(request, folded, language, dates, d, person, senderEntry, lastContext, drafts.size(),
						directory, mentions, confidence, span -> drafts.stream()
							.flatMap(x -> x.segments.stream())
							.noneMatch(x -> span.start() >= x.start() && span.end() <= x.end())));
			}
		}
		return tasks;
	}

	private ExtractedTask build(AnalysisRequest request, String folded, String language, List<DeadlineParser.Found> dates,
			Draft d, Directory.@Nullable Mention person, @Nullable String senderEntry, String lastContext, int draftCount,
			Directory directory, List<Directory.Mention> mentions, double confidence,
			java.util.function.Predicate<Span> precedingFree) {
		String text = request.text();
		int start = d.segments.get(0).start();
		int end = d.segments.get(d.segments.size() - 1).end();
		var evidence = new LinkedHashMap<String, Span>();
		evidence.put("action", new Span(start, end, text.substring(start, end)));
		String taskFolded = folded.substring(start, end);

		// assignee
		String assignee = null;
		if (d.commitment && senderEntry != null) {
			assignee = senderEntry;
			evidence.put("assignee", new Span(start, end, text.substring(start, end)));
		}
		else if (person != null) {
			assignee = person.name();
			evidence.put("assignee", person.span(text));
		}
		else if (!Cues.has(Cues.SOMEONE, taskFolded)) {
			Directory.Mention with = withMention(folded, mentions, start, end);
			if (with != null) {
				assignee = with.name();
				evidence.put("assignee", with.span(text));
			}
			else if (Cues.has(Cues.OWNER, folded) && !directory.isEmpty()) {
				assignee = directory.names().get(0);
			}
			else if (draftCount == 1 && request.sender() != null && !request.sender().role().isStaff()) {
				Directory.Mention greeted = greeted(folded, mentions);
				if (greeted != null) {
					assignee = greeted.name();
					evidence.put("assignee", greeted.span(text));
				}
			}
			else if (draftCount == 1 && request.sender() != null && request.sender().role().isStaff()
					&& !request.context().isEmpty()
					&& Cues.IMPERATIVE_START.matcher(Features.stripAddress(taskFolded.strip())).find()) {
				// an instruction in reply to a colleague's report goes to that colleague
				AnalysisRequest.ContextMessage last = request.context().get(request.context().size() - 1);
				String reporter = last.sender() == null || !last.sender().role().isStaff() ? null
						: directory.entryFor(last.sender().name());
				if (reporter != null && !reporter.equals(senderEntry)) {
					assignee = reporter;
				}
			}
		}

		// deadline: inside the task's clauses the expression introduced by "by/before/until..." wins, else the
		// first one; background times ("was on Saturday", "since yesterday") are skipped
		Deadline deadline = null;
		boolean now = false;
		DeadlineParser.Found chosen = null;
		for (DeadlineParser.Found f : dates) {
			if (f.span().start() < start || f.span().end() > end || isBackground(folded, f.span())) {
				continue;
			}
			if (f.now()) {
				now = chosen == null;
				break;
			}
			if (chosen == null || byMarked(folded, f.span()) && !byMarked(folded, chosen.span())) {
				chosen = f;
			}
		}
		if (chosen != null) {
			deadline = chosen.deadline();
			// a quote is asked now; the date of the order or event it prices is not its deadline
			for (Segment seg : d.segments) {
				if (QUOTE.matcher(seg.folded()).find()
						&& (chosen.span().start() < seg.start() || chosen.span().end() > seg.end())) {
					deadline = null;
				}
			}
		}
		boolean quote = d.segments.stream().anyMatch(seg -> QUOTE.matcher(seg.folded()).find());
		if (deadline == null && !now && !d.fromContext && !quote) {
			// the time set in the clause just before ("Truck arriving 7:30. Sipho check the formwork")
			for (DeadlineParser.Found f : dates) {
				if (f.span().end() <= start && precedingFree.test(f.span()) && !f.now()
						&& !isBackground(folded, f.span())) {
					deadline = f.deadline();
				}
			}
		}
		boolean awaitsContextEvent = BEFORE_EVENT.matcher(taskFolded).find();
		if (deadline == null && !now && (d.fromContext || d.commitment || awaitsContextEvent) && !lastContext.isEmpty()) {
			for (DeadlineParser.Found f : DeadlineParser.forTasks(parser.parse(lastContext, request.sentAt(), request.locale()))) {
				if (!f.now()) {
					deadline = f.deadline().withEvidence(null);
				}
				break;
			}
		}
		if (deadline != null && deadline.evidence() != null) {
			evidence.put("deadline", deadline.evidence());
		}

		// priority
		boolean fromReply = d.fromContext || d.commitment && !lastContext.isEmpty();
		String priorityText = fromReply ? folded + " \n " + Text.fold(lastContext) : draftCount == 1 ? folded : taskFolded;
		Priority priority = priority(request, fromReply ? priorityText : folded, priorityText, deadline, evidence,
				fromReply ? -1 : draftCount == 1 ? 0 : start);

		String title = title(request, text, folded, d, dates, lastContext, language);
		String description = d.fromContext ? lastContext + " / " + text : text.substring(start, end).strip();
		return new ExtractedTask(title, description, priority, assignee, deadline, confidence, evidence);
	}

	private static final Pattern QUOTE = Pattern.compile("(?<![\\p{L}])(?:quote|quotation|estimate|price list|prices|pricing"
			+ "|menu options|set menu|cotizacion|presupuesto|orcamento|penawaran|harga)(?![\\p{L}])");

	/** "before the photographer gets there": the time of an event named earlier in the chat. */
	private static final Pattern BEFORE_EVENT = Pattern.compile("(?<![\\p{L}])before (?:the |he |she |they |it |we |you )?(?:\\p{L}+ )?"
			+ "(?:gets there|get there|gets here|arrives?|comes?|shows? up|starts?|lands?|opens?)(?![\\p{L}])");

	private static final Pattern BY_MARKER = Pattern.compile("(?:by|before|until|till|til|due|no later than|antes de|antes del"
			+ "|antes|ate|hasta el|hasta|para el|sebelum|paling lambat|se pehle)\\s*(?:the\\s+)?$");

	private static final Pattern BY_AFTER = Pattern.compile("^\\s*(?:tak|se pehle|ke andar)(?![\\p{L}])");

	private static final Pattern BACKGROUND_BEFORE = Pattern.compile("(?:complained|happened|arrived|came|was|were|had|did|since|from"
			+ "|started|began|left|broke|desde|sejak|ago)\\s+(?:\\p{L}+\\s+)?$");

	private static final Pattern BACKGROUND_AFTER = Pattern.compile("^\\s*(?:was|were|had|did|went|came|se(?![\\p{L}])|ago|passed)");

	static boolean byMarked(String folded, Span span) {
		String before = folded.substring(Math.max(0, span.start() - 20), span.start());
		String inside = span.text().toLowerCase(java.util.Locale.ROOT);
		return BY_MARKER.matcher(before).find() || inside.startsWith("by ") || inside.startsWith("before ")
				|| inside.startsWith("until ") || BY_AFTER.matcher(folded.substring(span.end())).find();
	}

	static boolean isBackground(String folded, Span span) {
		String before = folded.substring(Math.max(0, span.start() - 25), span.start());
		String after = folded.substring(span.end());
		// "Thursday's appointments" names the appointments, unless it is "before Monday's run"
		boolean possessive = after.startsWith("'s ") && !byMarked(folded, span);
		return possessive || BACKGROUND_BEFORE.matcher(before).find() || BACKGROUND_AFTER.matcher(after).find();
	}

	private static Priority priority(AnalysisRequest request, String folded, String taskFolded,
			@Nullable Deadline deadline, Map<String, Span> evidence, int offset) {
		Matcher urgent = Cues.URGENT.matcher(taskFolded);
		if (urgent.find()) {
			cite(evidence, request.text(), offset, urgent);
			return Priority.URGENT;
		}
		Matcher harm = Cues.HARM.matcher(folded);
		if (harm.find()) {
			cite(evidence, request.text(), 0, harm);
			return Priority.URGENT;
		}
		if (folded.contains("\ud83d\udea8")) {
			return Priority.URGENT;
		}
		ZonedDateTime sent = request.sentAt();
		ZonedDateTime endOfTomorrow = sent.toLocalDate().plusDays(2).atStartOfDay(sent.getZone());
		if (deadline != null && !deadline.end().isAfter(endOfTomorrow)) {
			if (deadline.evidence() != null) {
				evidence.put("priority", deadline.evidence());
			}
			return Priority.HIGH;
		}
		boolean customer = request.sender() != null && !request.sender().role().isStaff();
		Matcher complaint = Cues.COMPLAINT.matcher(folded);
		if (customer && complaint.find()) {
			cite(evidence, request.text(), 0, complaint);
			return Priority.HIGH;
		}
		Matcher safety = Cues.SAFETY.matcher(folded);
		if (safety.find()) {
			cite(evidence, request.text(), 0, safety);
			return Priority.HIGH;
		}
		Matcher low = Cues.LOW.matcher(taskFolded);
		if (low.find()) {
			cite(evidence, request.text(), offset, low);
			return Priority.LOW;
		}
		return Priority.MEDIUM;
	}

	/** Records the cue behind a priority when it lies in the analysed text. */
	private static void cite(Map<String, Span> evidence, String text, int offset, Matcher cue) {
		int start = offset + cue.start();
		int end = offset + cue.end();
		if (offset >= 0 && end <= text.length()) {
			evidence.put("priority", new Span(start, end, text.substring(start, end)));
		}
	}

	private String title(AnalysisRequest request, String text, String folded, Draft d, List<DeadlineParser.Found> dates,
			String lastContext, String language) {
		boolean english = language.equals("en");
		if (d.fromContext) {
			String contextFolded = Text.fold(lastContext);
			List<DeadlineParser.Found> contextDates = DeadlineParser.forTasks(parser.parse(lastContext, request.sentAt(), request.locale()));
			List<Segment> candidates = new ArrayList<>();
			for (Segment cs : segments(lastContext, contextFolded, List.of())) {
				if (isAction(cs, false) || cs.folded().contains("who can")) {
					candidates.add(cs);
				}
			}
			if (candidates.isEmpty()) {
				candidates.add(new Segment(0, lastContext.length(), lastContext, contextFolded));
			}
			return bestTitle(request, lastContext, candidates, contextDates, english);
		}
		return bestTitle(request, text, d.segments, dates, english);
	}

	private static final java.util.Set<String> WEAK_VERBS = java.util.Set.of("come", "do", "see", "help", "be", "have",
			"go", "look", "get", "take", "make", "let", "keep", "own");

	/** Titles every clause of the task and keeps the one that reads most like an instruction. */
	private String bestTitle(AnalysisRequest request, String text, List<Segment> segments, List<DeadlineParser.Found> dates,
			boolean english) {
		String best = null;
		int bestScore = -1;
		for (Segment s : segments) {
			String candidate = clauseTitle(request, text, s, dates, english);
			String first = candidate.isEmpty() ? "" : Text.fold(candidate).split("\\s+")[0];
			int score;
			if (candidate.isEmpty()) {
				score = 0;
			}
			else if (Cues.IMPERATIVE_START.matcher(Text.fold(candidate)).find() && !WEAK_VERBS.contains(first)) {
				score = 3;
			}
			else if (Cues.IMPERATIVE_START.matcher(Text.fold(candidate)).find()) {
				score = 2;
			}
			else {
				score = 1;
			}
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		if (best == null || best.isBlank()) {
			best = segments.get(0).text().strip();
		}
		return Text.capitalise(best);
	}

	private String clauseTitle(AnalysisRequest request, String text, Segment s, List<DeadlineParser.Found> dates,
			boolean english) {
		// blank out date expressions and @mentions
		var chars = text.substring(s.start(), s.end()).toCharArray();
		for (DeadlineParser.Found f : dates) {
			for (int i = f.span().start() - s.start(); i < f.span().end() - s.start(); i++) {
				if (i >= 0 && i < chars.length) {
					chars[i] = ' ';
				}
			}
		}
		String cleaned = new String(chars).replaceAll("@\\p{L}+", " ").replaceAll("(?<=\\s)'s(?![\\p{L}])", " ");
		cleaned = cleaned.replaceAll("[\\p{So}\\p{Sk}\\p{Cs}\\u200d\\ufe0f]+", " ").replaceAll("\\s+", " ").strip();
		cleaned = ADDRESS_PREFIX.matcher(cleaned).replaceFirst("");
		cleaned = stripLeadingNames(cleaned, request.directory());
		cleaned = WHO_CAN.matcher(cleaned).replaceFirst("");
		for (int k = 0; k < 4; k++) {
			String before = cleaned;
			cleaned = cleaned.replaceFirst("^(?i)(?:please|pls|plz|kindly|porfa|por favor|tolong|can you|could you|would you"
					+ "|will you|can u|could u|can someone|can somebody|can anyone|could someone|can we|could we|could i"
					+ "|can i|may i|any chance of|is it possible to|i'd like to|i would like to|i want to|i'll|i will|ill"
					+ "|i can|i could|i'm going to|we need to|i need to|need to|someone needs to|somebody needs to|make sure to"
					+ "|remember to|just|also|and|then|so|you're on|you are on|hi|hey|hello|ok|yes|yep|sure|me|i got it"
					+ "|got it|on it|omw|heading there)[\\s,.]+", "");
			cleaned = stripLeadingNames(cleaned, request.directory());
			if (cleaned.equals(before)) {
				break;
			}
		}
		String cleanedFolded = Text.fold(cleaned);
		if (!Cues.IMPERATIVE_START.matcher(cleanedFolded).find()) {
			// "Whoever is last out pls lock the cage": the instruction follows the politeness marker
			Matcher polite = INNER_REQUEST.matcher(cleaned);
			while (polite.find()) {
				String rest = cleaned.substring(polite.end());
				if (english && PRONOUN_JOB.matcher(rest).find() && polite.start() > 0) {
					// "the gate remote isn't working, someone pls look at it": name the thing, not "it"
					cleaned = cleaned.substring(0, polite.start()).replaceAll("(?i)[,\\s]*(?:someone|somebody|anyone)?\\s*$", "");
					cleanedFolded = Text.fold(cleaned);
					break;
				}
				if (Cues.IMPERATIVE_START.matcher(Text.fold(rest)).find()) {
					cleaned = rest;
					cleanedFolded = Text.fold(cleaned);
					break;
				}
			}
		}
		Matcher sure = MAKE_SURE.matcher(cleaned);
		if (english && sure.find()) {
			cleaned = Text.capitalise(baseVerb(sure.group(2))) + " " + sure.group(1) + sure.group(3);
			cleanedFolded = Text.fold(cleaned);
		}
		if (english && !Cues.IMPERATIVE_START.matcher(cleanedFolded).find()) {
			cleaned = englishAction(cleaned, cleanedFolded);
		}
		Matcher cut = CLAUSE_CUT.matcher(cleaned);
		while (cut.find()) {
			if (cut.start() > 0 && cleaned.substring(0, cut.start()).split("\\s+").length >= 2) {
				cleaned = cleaned.substring(0, cut.start());
				break;
			}
		}
		Matcher and = AND_VERB.matcher(cleaned);
		while (and.find()) {
			String rest = Text.fold(cleaned.substring(and.end()));
			if (and.start() > 0 && Cues.IMPERATIVE_START.matcher(rest).find()) {
				cleaned = cleaned.substring(0, and.start());
				break;
			}
		}
		cleaned = TRAILING_NOISE.matcher(cleaned).replaceFirst("");
		for (int k = 0; k < 3; k++) {
			cleaned = cleaned.replaceAll("(?i)\\s+(?:on|at|by|before|for|until|in|from|to|the|of|and|or|with|if|asap)\\s*$", "");
		}
		if (english && request.sender() != null && !request.sender().name().isBlank()) {
			// the title names the person, not "me": "send me my X-rays" -> "send Sarah's X-rays to Sarah Whitlock"
			String sender = request.sender().name().strip();
			String first = sender.split("\\s+")[0];
			boolean toMe = cleaned.matches("(?i)^\\p{L}+ me\\s.*");
			cleaned = cleaned.replaceAll("(?i)(?<![\\p{L}])my(?![\\p{L}])", java.util.regex.Matcher.quoteReplacement(first + "'s"));
			if (toMe) {
				cleaned = cleaned.replaceFirst("(?i)^(\\p{L}+) me\\s+", "$1 ") + " to " + sender;
			}
		}
		if (english) {
			cleaned = cleaned.replaceAll("(?<![\\p{L}])(?:the|a|an|our|your|me|us|some|all of|properly)\\s+", "");
			cleaned = cleaned.replaceAll("^(?:The|A|An|Our|Your|Some)\\s+", "");
			cleaned = cleaned.replaceAll("(?i)^ring(?![\\p{L}])", "Call");
		}
		cleaned = cleaned.replaceAll("(?i)(?<![\\p{L}])(?:from|to|at|on|by|in|for|before|until)\\s+(?=(?:from|to|at|on|by|in|for|before|until)(?![\\p{L}]))", "")
			.replaceAll("\\s-\\d+(?![\\p{L}\\d])", "");
		String[] words = cleaned.strip().split("\\s+");
		if (words.length > MAX_TITLE_WORDS) {
			cleaned = String.join(" ", java.util.Arrays.copyOf(words, MAX_TITLE_WORDS));
		}
		for (int k = 0; k < 3; k++) {
			cleaned = cleaned.strip().replaceAll("(?i)\\s+(?:on|at|by|before|for|until|in|from|to|of|and|or|with|if)$", "");
		}
		return cleaned.replaceAll("[\\s,.!?;:]+$", "").replaceAll("\\s+", " ").strip();
	}

	private static final Pattern INNER_REQUEST = Pattern.compile("(?i)(?<![\\p{L}])(?:pls|please|plz|can you|could you|can u"
			+ "|can someone|can somebody|could someone|somebody needs to|someone needs to|needs to)\\s+");

	private static final Pattern PRONOUN_JOB = Pattern.compile("(?i)^(?:come (?:out )?(?:and )?)?(?:look at|check|fix|sort|deal with"
			+ "|see to|take a look at|have a look at|come|come out|come over|come by)(?:\\s+(?:it|this|that|them))?(?![\\p{L}])");

	private static final Pattern MAKE_SURE = Pattern.compile("(?i)^(?:make sure|ensure|check that|make certain)\\s+(?:that\\s+)?(?:the\\s+)?"
			+ "(.+?)\\s+(?:is|are|gets|get)\\s+(\\p{L}+ed)(?![\\p{L}])(.*)$");

	static String baseVerb(String participle) {
		String p = participle.toLowerCase(java.util.Locale.ROOT);
		if (p.matches(".*(?:at|iz|is|ur|v|g|c|at|in|ar)ed")) {
			return p.substring(0, p.length() - 1);
		}
		if (p.matches(".*([b-df-hj-np-tv-z])\\1ed")) {
			return p.substring(0, p.length() - 3);
		}
		return p.substring(0, p.length() - 2);
	}

	static final int MAX_TITLE_WORDS = 8;

	private static final Pattern AND_VERB = Pattern.compile("(?i)\\s(?:and|&)\\s");

	private static final Pattern PROBLEM_SPLIT = Pattern.compile("(?i)(?:'s\\s|\\s+(?:is|are|has|have|was|keeps|isn't|isnt|not|won't|didn't|did|hasn't|never"
			+ "|doesn't|broke|stopped|threw|reading|down|dead|leaking|blowing|stolen|expired|empty|making|still|had)(?![\\p{L}]))");

	/** "Projector in room 2 not turning on" becomes "Fix projector in room 2"; "we're out of 410A" becomes "Order more 410A". */
	private static String englishAction(String cleaned, String folded) {
		Matcher out = Pattern.compile("(?i)(?:out of|ran out of|running out of)\\s+(.+)").matcher(cleaned);
		if (out.find()) {
			return "Order more " + out.group(1).replaceAll("(?i)\\s+again.*$", "").replaceAll("[,.].*$", "");
		}
		Matcher cannot = Pattern.compile("(?i)(?:can't|cant|cannot|won't be able to|unable to)\\s+(.+)").matcher(cleaned);
		if (cannot.find()) {
			return cannot.group(1);
		}
		if (Cues.has(Cues.PROBLEM, folded) || Cues.has(Cues.HARM, folded)) {
			Matcher m = PROBLEM_SPLIT.matcher(cleaned);
			String subject = m.find() && m.start() > 0 ? cleaned.substring(0, m.start()) : cleaned;
			subject = subject.replaceAll("(?i)^(?:hi|hey|hello)?[\\s,]*(?:this is [\\p{L} ]+? (?:on|at|from) [^,]+?\\s+(?:um\\s+)?)?", "");
			subject = subject.replaceAll("(?i)^.*?(?<![\\p{L}])(?:our|my|the)\\s+", "");
			subject = subject.replaceAll("(?i)^[^:]{0,20}:\\s*", "");
			String verb = Pattern.compile("(?i)didn't arrive|did not arrive|hasn't arrived|never arrived|hasn't come|didn't come|is late|running late|where is")
				.matcher(cleaned).find() ? "Follow up on "
					: Pattern.compile("(?i)stolen|expired|empty|missing").matcher(cleaned).find() ? "Replace " : "Fix ";
			return verb + subject.strip();
		}
		return cleaned;
	}

	private static String stripLeadingNames(String s, List<String> directory) {
		String result = s;
		for (int k = 0; k < 3; k++) {
			String f = Text.fold(result);
			boolean changed = false;
			for (String name : directory) {
				for (String candidate : new String[] { Text.fold(name), Text.fold(name.split("\\s+")[0]) }) {
					if (f.startsWith(candidate) && (f.length() == candidate.length()
							|| !Character.isLetter(f.charAt(candidate.length())))) {
						result = result.substring(candidate.length()).replaceFirst("^(?:'s)?[\\s,:]*(?:and\\s+|y\\s+|e\\s+|&\\s+)?", "");
						changed = true;
						break;
					}
				}
				if (changed) {
					break;
				}
			}
			if (!changed) {
				break;
			}
		}
		return result;
	}

	private static final Pattern NOT_AN_OBJECT = Pattern.compile("(?<![\\p{L}])(?:today|tomorrow|tmrw|tonight|now|it|that|this"
			+ "|one|them|later|asap|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
			+ "|morning|afternoon|evening|at|on|by|in|the|\\d+(?::\\d+)?(?:am|pm)?)(?![\\p{L}])|[^\\p{L}\\d\\s']");

	private static boolean hasOwnObject(String folded) {
		String stripped = Features.stripAddress(folded.strip()).split("[,;.!?]")[0]
			.replaceFirst("^(?:i'll|i will|ill|i can|i could)\\s+", "");
		if (!Cues.IMPERATIVE_START.matcher(stripped).find()) {
			return false;
		}
		String rest = NOT_AN_OBJECT.matcher(stripped.replaceFirst("^\\S+\\s*", "")).replaceAll(" ").strip();
		return !rest.isEmpty();
	}

	static boolean isCommitment(String folded) {
		return Cues.SELF_AT_START.matcher(folded.strip()).find() && Cues.has(Cues.COMMITMENT, folded)
				|| Cues.ACCEPTANCE.matcher(folded.strip()).find();
	}

	private static boolean sameSentence(String text, Segment a, Segment b) {
		String between = text.substring(Math.min(a.end(), b.start()), b.start());
		return !between.matches("(?s).*[.!?\\n].*") && !a.text().matches("(?s).*[.!?]\\s*$");
	}

	/** A request, an instruction or a commitment, as opposed to a problem report that only implies work. */
	static boolean isStrong(Segment s, boolean contextRequest) {
		String f = s.folded().strip();
		return Cues.has(Cues.PLEASE, f) || Cues.has(Cues.MODAL_REQUEST, f)
				|| Cues.IMPERATIVE_START.matcher(Features.stripAddress(f)).find()
				|| Cues.has(Cues.COMMITMENT, f) && Cues.SELF_AT_START.matcher(f).find()
				|| contextRequest && Cues.ACCEPTANCE.matcher(f).find();
	}

	private static boolean isWeakAction(Segment s) {
		String f = s.folded();
		return !Cues.has(Cues.PAST_OR_DONE, f) || Cues.has(Cues.PLEASE, f);
	}

	static boolean isAction(Segment s, boolean contextRequest) {
		String f = s.folded().strip();
		String stripped = Features.stripAddress(f);
		boolean please = Cues.has(Cues.PLEASE, f);
		boolean modal = Cues.has(Cues.MODAL_REQUEST, f);
		boolean imperative = Cues.IMPERATIVE_START.matcher(stripped).find();
		boolean need = Cues.has(Cues.NEED, f);
		boolean commitment = Cues.has(Cues.COMMITMENT, f) && Cues.SELF_AT_START.matcher(f).find();
		boolean acceptance = contextRequest && Cues.ACCEPTANCE.matcher(f).find();
		boolean problem = Cues.has(Cues.PROBLEM, f) || Cues.has(Cues.HARM, f);
		boolean urgent = Cues.has(Cues.URGENT, f);
		boolean info = Cues.INFO_QUESTION_START.matcher(f).find() && !modal && !please;
		boolean announcement = Cues.has(Cues.ANNOUNCEMENT, f) && !please && !modal && !imperative;
		if (announcement || Cues.has(Cues.POLICY, f) && !please && !modal) {
			return false;
		}
		if (info && !Cues.has(Cues.HARM, f) && !Cues.has(Cues.COMPLAINT, f)) {
			return false;
		}
		return please || modal || imperative || need || commitment || acceptance || problem || urgent
				|| Cues.has(Cues.COMPLAINT, f);
	}

	/** The addressees of a clause: @mentions anywhere, or a name at its start ("Maria, can you..."). */
	private static List<Directory.Mention> addressees(Segment s, List<Directory.Mention> mentions, AnalysisRequest request) {
		var out = new ArrayList<Directory.Mention>();
		String senderFirst = request.sender() == null ? "" : Text.fold(request.sender().name().split("\\s+")[0]);
		for (Directory.Mention m : mentions) {
			if (m.start() < s.start() || m.end() > s.end()) {
				continue;
			}
			String before = s.folded().substring(0, m.start() - s.start());
			String after = s.folded().substring(m.end() - s.start());
			boolean atStart = ADDRESS_PREFIX.matcher(before).replaceFirst("").isBlank()
					|| before.matches("(?s).*(?:\\band|\\by|\\be|&)\\s*$") && !out.isEmpty();
			boolean vocative = atStart && AFTER_VOCATIVE.matcher(after).find();
			boolean trailing = after.matches("^\\s*(?:tu|tú|you)\\s.*") ;
			boolean self = Text.fold(m.name()).startsWith(senderFirst) && !senderFirst.isEmpty();
			if ((m.at() || vocative || trailing) && !self) {
				if (out.stream().noneMatch(o -> o.name().equals(m.name()))) {
					out.add(m);
				}
			}
		}
		return out;
	}

	private static Directory.@Nullable Mention withMention(String folded, List<Directory.Mention> mentions, int start,
			int end) {
		for (Directory.Mention m : mentions) {
			if (m.start() >= start && m.end() <= end && m.start() >= 5) {
				String before = folded.substring(Math.max(0, m.start() - 5), m.start());
				if (before.endsWith("with ") || before.endsWith("com ") || before.endsWith("con ")) {
					return m;
				}
			}
		}
		return null;
	}

	private static Directory.@Nullable Mention greeted(String folded, List<Directory.Mention> mentions) {
		for (Directory.Mention m : mentions) {
			String before = folded.substring(0, m.start());
			if (before.matches("^\\s*(?:hi|hey|hello|hola|oi|ola|dear|good morning|morning|bom dia|pagi)?[\\s,!]*$")) {
				return m;
			}
		}
		return null;
	}

	/** Sentences, split again before a staff name that starts a new instruction ("..., and Sam pls update..."). */
	static List<Segment> segments(String text, String folded, List<Directory.Mention> mentions) {
		var cuts = new ArrayList<Integer>();
		cuts.add(0);
		Matcher m = SENTENCE_END.matcher(folded);
		while (m.find()) {
			cuts.add(m.start());
			cuts.add(-m.end() - 1);
		}
		for (Directory.Mention mention : mentions) {
			String before = folded.substring(0, mention.start());
			String after = folded.substring(mention.end());
			Matcher c = CONNECTOR_BEFORE_NAME.matcher(before);
			if (mention.start() > 0 && c.find() && AFTER_VOCATIVE.matcher(after).find()) {
				String head = before.substring(0, c.start()).stripTrailing();
				boolean afterAnotherName = mentions.stream().anyMatch(o -> o.end() == head.length());
				if (afterAnotherName) {
					continue;
				}
				cuts.add(c.start());
				cuts.add(-mention.start() - 1);
			}
		}
		// build [start, end) pairs from cut markers: positive = end of a segment, negative = start of the next
		var bounds = new ArrayList<int[]>();
		var points = new ArrayList<int[]>();
		for (int i = 1; i < cuts.size(); i += 2) {
			points.add(new int[] { cuts.get(i), -cuts.get(i + 1) - 1 });
		}
		points.sort((a, b) -> Integer.compare(a[0], b[0]));
		int start = 0;
		for (int[] p : points) {
			if (p[0] < start) {
				continue;
			}
			bounds.add(new int[] { start, p[0] });
			start = p[1];
		}
		bounds.add(new int[] { start, text.length() });
		var segments = new ArrayList<Segment>();
		for (int[] b : bounds) {
			int s = b[0];
			int e = b[1];
			while (s < e && Character.isWhitespace(text.charAt(s))) {
				s++;
			}
			while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
				e--;
			}
			if (e > s) {
				segments.add(new Segment(s, e, text.substring(s, e), folded.substring(s, e)));
			}
		}
		return segments;
	}
}
