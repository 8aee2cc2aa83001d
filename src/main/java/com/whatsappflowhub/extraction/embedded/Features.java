package com.whatsappflowhub.extraction.embedded;

import com.whatsappflowhub.extraction.AnalysisRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The linguistic evidence the classifier sees besides the sentence embedding: requests, imperatives, modal
 * questions, commitments, information-only questions, past-tense reports, marketing, problems, complaints.
 */
public final class Features {

	public static final List<String> NAMES = List.of("bias_text", "please", "modal_request", "question_mark",
			"info_question", "imperative_start", "imperative_any_sentence", "need", "commitment", "commitment_staff",
			"commitment_customer", "acceptance_reply", "context_request", "past_or_done", "done_mark", "marketing",
			"thanks", "greeting_only", "problem", "problem_staff", "complaint", "urgent", "harm", "low", "announcement",
			"invitation", "someone", "deadline", "mention_staff", "vocative", "sender_customer", "sender_staff",
			"sender_manager", "no_sender", "first_person_future", "log_tokens", "exclamations", "ed_words",
			"request_and_question", "info_question_only", "chat_info_question_only", "chat_question_mark",
			"chat_problem", "chat_complaint", "chat_need", "chat_past_or_done", "chat_announcement", "chat_imperative",
			"chat_please", "chat_modal_request", "policy", "suggestion", "second_person", "marketing_please");

	private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?\\n])\\s+|\\n+|;\\s*");

	private static final Pattern SECOND_PERSON = Pattern.compile("(?<![\\p{L}])(?:you|your|u|ur|you'll|you're|voce|voces|usted|ustedes|tu|kamu|anda|aap|tum)(?![\\p{L}])");

	private static final Pattern ED = Pattern.compile("(?<![\\p{L}])\\p{L}{3,}ed(?![\\p{L}])");

	private Features() {
	}

	static double[] of(AnalysisRequest request, String folded, boolean hasDeadline, boolean mentionsStaff,
			boolean vocative) {
		var f = new double[NAMES.size()];
		AnalysisRequest.Role role = request.sender() == null ? null : request.sender().role();
		String trimmed = folded.strip();
		boolean please = Cues.has(Cues.PLEASE, folded);
		boolean modal = Cues.has(Cues.MODAL_REQUEST, folded);
		boolean question = folded.contains("?");
		boolean info = Cues.INFO_QUESTION_START.matcher(trimmed).find() && !modal;
		boolean imperative = Cues.IMPERATIVE_START.matcher(stripAddress(trimmed)).find();
		boolean imperativeAny = imperative;
		for (String sentence : SENTENCE.split(trimmed)) {
			if (Cues.IMPERATIVE_START.matcher(stripAddress(sentence.strip())).find()) {
				imperativeAny = true;
			}
		}
		boolean commitment = Cues.has(Cues.COMMITMENT, folded);
		boolean staff = role != null && role.isStaff();
		String lastContext = request.context().isEmpty() ? ""
				: Text.fold(request.context().get(request.context().size() - 1).text());
		boolean contextRequest = !lastContext.isEmpty() && (Cues.has(Cues.MODAL_REQUEST, lastContext)
				|| Cues.has(Cues.PLEASE, lastContext) || lastContext.contains("who can")
				|| Cues.IMPERATIVE_START.matcher(stripAddress(lastContext)).find() || Cues.has(Cues.NEED, lastContext)
				|| Cues.has(Cues.PROBLEM, lastContext));
		int tokens = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
		int i = 0;
		f[i++] = 1;
		f[i++] = b(please);
		f[i++] = b(modal);
		f[i++] = b(question);
		f[i++] = b(info);
		f[i++] = b(imperative);
		f[i++] = b(imperativeAny);
		f[i++] = b(Cues.has(Cues.NEED, folded));
		f[i++] = b(commitment);
		f[i++] = b(commitment && staff);
		f[i++] = b(commitment && role == AnalysisRequest.Role.CUSTOMER);
		f[i++] = b(Cues.ACCEPTANCE.matcher(trimmed).find() && contextRequest);
		f[i++] = b(contextRequest);
		f[i++] = Math.min(3, Cues.count(Cues.PAST_OR_DONE, folded)) / 3.0;
		f[i++] = b(Cues.has(Cues.DONE_MARK, folded));
		f[i++] = Math.min(3, Cues.count(Cues.MARKETING, folded)) / 3.0;
		f[i++] = b(Cues.has(Cues.THANKS, folded));
		f[i++] = b(Cues.GREETING_ONLY.matcher(trimmed).matches());
		boolean problem = Cues.has(Cues.PROBLEM, folded);
		f[i++] = b(problem);
		f[i++] = b(problem && staff);
		f[i++] = b(Cues.has(Cues.COMPLAINT, folded));
		f[i++] = b(Cues.has(Cues.URGENT, folded));
		f[i++] = b(Cues.has(Cues.HARM, folded));
		f[i++] = b(Cues.has(Cues.LOW, folded));
		f[i++] = b(Cues.has(Cues.ANNOUNCEMENT, folded));
		f[i++] = b(Cues.has(Cues.INVITATION, folded));
		f[i++] = b(Cues.has(Cues.SOMEONE, folded));
		f[i++] = b(hasDeadline);
		f[i++] = b(mentionsStaff);
		f[i++] = b(vocative);
		f[i++] = b(role == AnalysisRequest.Role.CUSTOMER);
		f[i++] = b(role == AnalysisRequest.Role.STAFF);
		f[i++] = b(role == AnalysisRequest.Role.MANAGER);
		f[i++] = b(role == null);
		f[i++] = b(Cues.has(Cues.FIRST_PERSON_FUTURE, folded));
		f[i++] = Math.log1p(tokens) / 4.0;
		f[i++] = Math.min(3, countChar(folded, '!')) / 3.0;
		f[i++] = Math.min(3, Cues.count(ED, folded)) / 3.0;
		f[i++] = b(question && (modal || please));
		boolean infoOnly = info && question && !please && !imperativeAny;
		f[i++] = b(infoOnly);
		boolean chat = request.sender() != null;
		f[i++] = b(chat && infoOnly);
		f[i++] = b(chat && question);
		f[i++] = b(chat && problem);
		f[i++] = b(chat && Cues.has(Cues.COMPLAINT, folded));
		f[i++] = b(chat && Cues.has(Cues.NEED, folded));
		f[i++] = chat ? Math.min(3, Cues.count(Cues.PAST_OR_DONE, folded)) / 3.0 : 0;
		f[i++] = b(chat && Cues.has(Cues.ANNOUNCEMENT, folded));
		f[i++] = b(chat && imperativeAny);
		f[i++] = b(chat && please);
		f[i++] = b(chat && modal);
		f[i++] = b(Cues.has(Cues.POLICY, folded));
		f[i++] = b(Cues.has(Cues.SUGGESTION, folded));
		f[i++] = Math.min(3, Cues.count(SECOND_PERSON, folded)) / 3.0;
		f[i++] = b(please && Cues.has(Cues.MARKETING, folded));
		return f;
	}

	private static final Pattern ADDRESS = Pattern.compile("^(?:(?:hi|hey|hello|hola|oi|ola|dear|good morning|morning|pagi|kak|pak|bu|mas|sir|ji|bhai|team|guys|all|everyone|equipo|pessoal)[\\s,!.:]+)*(?:@?[\\p{L}]+(?: and @?[\\p{L}]+)?[,:]\\s*)?");

	/** Drops a leading greeting and a vocative ("Hi Maria, ...") so an imperative at the start is seen. */
	static String stripAddress(String folded) {
		return ADDRESS.matcher(folded).replaceFirst("");
	}

	private static int countChar(String s, char c) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

	private static double b(boolean v) {
		return v ? 1 : 0;
	}
}
